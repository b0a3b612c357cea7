using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Inventory.ServiceDefaults.Preflight;

/// <summary>What the rules look at: the configuration the service would start with, its environment, and whether to try connections.</summary>
public sealed partial class PreflightContext(IConfiguration configuration, IHostEnvironment environment, bool connect)
{
    public IConfiguration Configuration { get; } = configuration;
    public IHostEnvironment Environment { get; } = environment;

    /// <summary><c>check --connect</c>: rules may open connections (a pipeline that cannot reach the database leaves it off).</summary>
    public bool Connect { get; } = connect;

    /// <summary>The setting's value, or null when it is missing or blank.</summary>
    public string? Value(string key) => string.IsNullOrWhiteSpace(Configuration[key]) ? null : Configuration[key];

    /// <summary>The non-blank entries of a list setting (<c>Key:0</c>, <c>Key:1</c> … — <c>Key__0</c> in the environment).</summary>
    public IReadOnlyList<string> List(string key) =>
        [.. Configuration.GetSection(key).GetChildren().Select(child => child.Value).OfType<string>().Where(v => !string.IsNullOrWhiteSpace(v))];

    /// <summary>Whether any setting under <paramref name="key"/> (or the key itself) has a value.</summary>
    public bool HasAny(string key) =>
        Value(key) is not null || Configuration.GetSection(key).AsEnumerable().Any(pair => !string.IsNullOrWhiteSpace(pair.Value));

    /// <summary>A path as the service resolves it: relative paths from its content root.</summary>
    public string FullPath(string path) => Path.GetFullPath(path, Environment.ContentRootPath);

    /// <summary>An example configuration's stand-in (<c>&lt;google-client-secret&gt;</c>) that was never replaced.</summary>
    public static bool IsPlaceholder(string value) => value.TrimStart().StartsWith('<') && value.TrimEnd().EndsWith('>');

    /// <summary>A placeholder inside a value too (<c>Password=&lt;database-password&gt;</c>).</summary>
    public static bool ContainsPlaceholder(string value) => PlaceholderPattern().IsMatch(value);

    [GeneratedRegex("<[a-z0-9-]+>")]
    private static partial Regex PlaceholderPattern();
}
