using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Inventory.ServiceDefaults.Preflight;

/// <summary>
/// <c>dotnet Inventory.Web.dll check [--connect] [--environment Staging] [--Key=value …]</c>: builds the configuration
/// exactly as the service would start with it (appsettings.json, appsettings.{environment}.json, environment variables,
/// arguments; Production unless told otherwise), runs the service's <see cref="PreflightRule"/>s and prints one line per
/// setting that is missing or unsafe, then <c>OK</c> or the count. Exit code 0 when clean, 1 otherwise — so a pipeline
/// can stop a deployment before it starts. Nothing is started and, without <c>--connect</c>, nothing is contacted.
/// </summary>
public sealed class PreflightCommand(string service, IReadOnlyList<PreflightRule> rules)
{
    public const string Name = "check";
    public const string ConnectOption = "--connect";

    public IReadOnlyList<PreflightRule> Rules { get; } = rules;

    public Task<int> RunAsync(string[] args) => RunAsync(args, Console.Out);

    public Task<int> RunAsync(string[] args, TextWriter output)
    {
        var connect = args.Contains(ConnectOption, StringComparer.OrdinalIgnoreCase);
        // The service's own builder, so every source and its order is the one the service uses.
        var builder = WebApplication.CreateBuilder([.. args.Where(a => !string.Equals(a, ConnectOption, StringComparison.OrdinalIgnoreCase))]);
        var findings = Evaluate(new PreflightContext(builder.Configuration, builder.Environment, connect));

        output.WriteLine($"{service}: checking the {builder.Environment.EnvironmentName} configuration{(connect ? " (with connections)" : "")}");
        foreach (var finding in findings)
            output.WriteLine(finding);
        output.WriteLine(findings.Count == 0 ? "OK" : $"{findings.Count} problem{(findings.Count == 1 ? "" : "s")}");
        return Task.FromResult(findings.Count == 0 ? 0 : 1);
    }

    public List<PreflightFinding> Evaluate(PreflightContext context)
    {
        List<PreflightFinding> findings =
            [.. Rules.Select(rule => rule.Check(context) is { } problem ? new PreflightFinding(rule.Setting, problem) : null).OfType<PreflightFinding>()];
        // Any setting at all, checked by a rule or not, may still hold an example configuration's placeholder.
        findings.AddRange(context.Configuration.AsEnumerable()
            .Where(setting => setting.Value is not null && PreflightContext.ContainsPlaceholder(setting.Value))
            .Where(setting => !findings.Any(f => string.Equals(f.Setting, setting.Key, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(setting => setting.Key, StringComparer.OrdinalIgnoreCase)
            .Select(setting => new PreflightFinding(setting.Key, SettingRules.Placeholder)));
        return findings;
    }
}
