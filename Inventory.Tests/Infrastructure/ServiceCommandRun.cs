using System.Diagnostics;

namespace Inventory.Tests.Infrastructure;

/// <summary>
/// Runs a service's built binary with a command, the way an operator or a pipeline does
/// (<c>dotnet Inventory.CatalogService.dll migrate</c>, in the binary's folder, settings in the environment).
/// </summary>
public static class ServiceCommandRun
{
    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public override string ToString() => $"exit {ExitCode}\nstdout: {Output}\nstderr: {Error}";
    }

    /// <summary>The process, which builds its whole host, is given a generous minute.</summary>
    public static async Task<Result> RunAsync(string project, IReadOnlyDictionary<string, string> settings, params string[] args)
    {
        var folder = BinaryFolder(project);
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(folder, project + ".dll"));
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["OTEL_SDK_DISABLED"] = "true";
        foreach (var (key, value) in settings)
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{project} {string.Join(" ", args)} did not finish within a minute.");
        }
        return new Result(process.ExitCode, await output, await error);
    }

    // The project's own build output, next to this test assembly's (same configuration and framework).
    private static string BinaryFolder(string project)
    {
        var tests = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = tests.Name;
        var configuration = tests.Parent!.Name;
        var folder = Path.Combine(Repository.Root(), project, "bin", configuration, framework);
        return File.Exists(Path.Combine(folder, project + ".dll"))
            ? folder
            : throw new FileNotFoundException($"Build {project} first: no {project}.dll in {folder}.");
    }
}
