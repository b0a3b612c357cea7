using Inventory.ServiceDefaults.Preflight;
using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.Unit.Preflight;

/// <summary><c>check</c>'s output: the exit code, the settings its findings name, and everything it printed.</summary>
public sealed record PreflightResult(int ExitCode, string Output)
{
    private string[] Lines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The setting each finding line names (the lines between the heading and the verdict).</summary>
    public IReadOnlyList<string> Settings => [.. Lines[1..^1].Select(line => line.Split("  ")[0])];

    public string Verdict => Lines[^1];

    public override string ToString() => $"exit {ExitCode}:\n{Output}";
}

/// <summary>
/// Runs a service's <c>check</c> in process, exactly as <c>dotnet Inventory.X.dll check …</c> would: the service's own
/// appsettings.json (its project folder is the content root) under the settings given as arguments, in Production.
/// </summary>
public static class PreflightRun
{
    public static async Task<PreflightResult> RunAsync(PreflightCommand command, string project,
        IReadOnlyDictionary<string, string> settings, params string[] extraArgs)
    {
        string[] args =
        [
            $"--contentRoot={Path.Combine(Repository.Root(), project)}",
            "--environment=Production",
            .. settings.Select(setting => $"--{setting.Key}={setting.Value}"),
            .. extraArgs,
        ];
        using var output = new StringWriter();
        var exit = await command.RunAsync(args, output);
        return new PreflightResult(exit, output.ToString());
    }
}
