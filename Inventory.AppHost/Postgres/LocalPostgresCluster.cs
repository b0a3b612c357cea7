using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Inventory.AppHost.Postgres;

/// <summary>Creates a PostgreSQL cluster (initdb) in a data directory that does not have one yet.</summary>
internal static class LocalPostgresCluster
{
    public static async Task InitializeIfMissingAsync(
        string binDirectory, string clusterDirectory, ParameterResource password, ILogger logger, CancellationToken ct)
    {
        if (File.Exists(Path.Combine(clusterDirectory, "PG_VERSION")))
            return;

        Directory.CreateDirectory(clusterDirectory);
        var passwordFile = Path.Combine(Path.GetDirectoryName(clusterDirectory)!, ".initdb-password");
        await File.WriteAllTextAsync(passwordFile, await password.GetValueAsync(ct), ct);
        try
        {
            if (Environment.IsPrivilegedProcess && !OperatingSystem.IsWindows())
                await RunAsync("chown", ["-R", "postgres:postgres", clusterDirectory, passwordFile], logger, ct);

            logger.LogInformation("Creating a PostgreSQL cluster in {Directory}", clusterDirectory);
            var (command, args) = LocalPostgresExtensions.RunAsPostgresUser(
            [
                PostgresBinaries.Program(binDirectory, "initdb"), "-D", clusterDirectory,
                "-U", LocalPostgresServerResource.UserName, $"--pwfile={passwordFile}",
                "--auth=scram-sha-256", "--encoding=UTF8", "--locale=C.UTF-8",
            ]);
            await RunAsync(command, args, logger, ct);
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    private static async Task RunAsync(string command, string[] args, ILogger logger, CancellationToken ct)
    {
        var startInfo = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
            startInfo.ArgumentList.Add(arg);

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {command}");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        logger.LogInformation("{Output}", await stdout);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(command)} exited with {process.ExitCode}: {await stderr}");
    }
}
