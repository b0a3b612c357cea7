using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Inventory.ServiceDefaults.Commands;
using Microsoft.Extensions.Hosting;

namespace Inventory.ServiceDefaults.Preflight;

/// <summary>
/// <c>dotnet Inventory.Web.dll check [--connect] [--environment Staging] [--Key=value …]</c>: builds the configuration
/// exactly as the service would start with it (appsettings.json, appsettings.{environment}.json, environment variables,
/// arguments; Production unless told otherwise), runs the service's <see cref="PreflightRule"/>s and prints one line per
/// setting that is missing or unsafe, then <c>OK</c> or the count. Exit code 0 when clean, 1 otherwise — so a pipeline
/// can stop a deployment before it starts. Nothing is started and, without <c>--connect</c>, nothing is contacted.
/// </summary>
public sealed class PreflightCommand(string service, IReadOnlyList<PreflightRule> rules) : IServiceCommand
{
    public const string CommandName = "check";
    public const string ConnectOption = "--connect";

    public string Name => CommandName;
    public string Usage => $"{CommandName} [{ConnectOption}]";

    public IReadOnlyList<PreflightRule> Rules { get; } = rules;

    /// <summary>As the service's command (<see cref="ServiceCommands"/>): the configuration its builder read; nothing is registered.</summary>
    public Task<int> RunAsync(ServiceCommandContext context, CancellationToken ct) =>
        Task.FromResult(Report(context.Configuration, context.Environment,
            context.RawArguments.Contains(ConnectOption, StringComparer.OrdinalIgnoreCase), context.Output));

    /// <summary>In process, for tests: <paramref name="args"/> as the service's command line after <c>check</c>.</summary>
    public Task<int> RunAsync(string[] args, TextWriter output)
    {
        // The service's own kind of builder, so every source and its order is the one the service uses.
        var builder = WebApplication.CreateBuilder(args);
        return Task.FromResult(Report(builder.Configuration, builder.Environment, args.Contains(ConnectOption, StringComparer.OrdinalIgnoreCase), output));
    }

    private int Report(IConfiguration configuration, IHostEnvironment environment, bool connect, TextWriter output)
    {
        var findings = Evaluate(new PreflightContext(configuration, environment, connect));
        output.WriteLine($"{service}: checking the {environment.EnvironmentName} configuration{(connect ? " (with connections)" : "")}");
        foreach (var finding in findings)
            output.WriteLine(finding);
        output.WriteLine(findings.Count == 0 ? "OK" : $"{findings.Count} problem{(findings.Count == 1 ? "" : "s")}");
        return findings.Count == 0 ? 0 : 1;
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
