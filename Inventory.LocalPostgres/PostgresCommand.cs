using System.Diagnostics;

namespace Inventory.LocalPostgres;

/// <summary>
/// Runs PostgreSQL's programs. postgres refuses to run as root: as root, they run as the <c>postgres</c> OS user
/// through setpriv, which execs, so a stop signal sent to the process reaches the postmaster itself.
/// </summary>
public static class PostgresCommand
{
    public const string ServerUser = "postgres";

    private static bool AsOtherUser => Environment.IsPrivilegedProcess && !OperatingSystem.IsWindows();

    /// <summary>The command and arguments that run <paramref name="commandLine"/> as the server's OS user.</summary>
    public static (string Command, string[] Args) AsServerUser(params string[] commandLine) => AsOtherUser
        ? ("setpriv", ["--reuid=" + ServerUser, "--regid=" + ServerUser, "--init-groups", "--", .. commandLine])
        : (commandLine[0], commandLine[1..]);

    /// <summary>Hands <paramref name="paths"/> (recursively) to the server's OS user when that is another user.</summary>
    public static async Task GiveToServerUserAsync(CancellationToken ct, params string[] paths)
    {
        if (AsOtherUser)
            await RunAsync("chown", ["-R", $"{ServerUser}:{ServerUser}", .. paths], ct);
    }

    /// <summary>Runs a program of <paramref name="binDirectory"/> as the server's OS user and returns its output.</summary>
    public static Task<string> RunProgramAsync(string binDirectory, string program, string[] args, CancellationToken ct, bool readOutput = true)
    {
        var (command, commandArgs) = AsServerUser([PostgresBinaries.Program(binDirectory, program), .. args]);
        return RunAsync(command, commandArgs, ct, readOutput);
    }

    /// <summary>
    /// Runs a program to its end and returns its standard output; throws with its error output when it fails.
    /// <paramref name="readOutput"/> false is for <c>pg_ctl start</c>, whose server keeps the output pipe open.
    /// </summary>
    public static async Task<string> RunAsync(string command, string[] args, CancellationToken ct, bool readOutput = true)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {command}");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(command)} {string.Join(' ', args)} exited with {process.ExitCode}: {await stderr}");
        return readOutput ? await stdout : "";
    }
}
