using System.Net;

namespace Inventory.ServiceDefaults.Preflight;

/// <summary>
/// <see cref="TrustedProxies"/>' settings: <c>ForwardedHeaders:KnownProxies</c> (addresses) and <c>:KnownNetworks</c> (CIDR).
/// Each entry must parse (the service would not start otherwise); where a proxy stands in front, one list must name it,
/// or the service sees the proxy's address as every client's and — at the gateway — a TLS-terminated request as plain HTTP.
/// </summary>
public static class ProxyRules
{
    public const string KnownProxies = $"{TrustedProxies.Section}:KnownProxies";
    public const string KnownNetworks = $"{TrustedProxies.Section}:KnownNetworks";

    public static IEnumerable<PreflightRule> Readable { get; } =
    [
        new(KnownProxies, context => Unreadable(context.List(KnownProxies), entry => IPAddress.TryParse(entry, out _), "an IP address")),
        new(KnownNetworks, context => Unreadable(context.List(KnownNetworks), entry => IPNetwork.TryParse(entry, out _), "a CIDR network (10.0.0.0/8)")),
    ];

    /// <summary>A proxy stands in front (<paramref name="when"/>), so it must be trusted: <paramref name="consequence"/> otherwise.</summary>
    public static PreflightRule ProxyTrusted(string consequence, Func<PreflightContext, bool>? when = null) => new(KnownNetworks, context =>
        (when?.Invoke(context) ?? true) && !AnyTrusted(context) ? $"empty, and so is {KnownProxies}: {consequence}" : null);

    public static bool AnyTrusted(PreflightContext context) => context.List(KnownProxies).Count + context.List(KnownNetworks).Count > 0;

    private static string? Unreadable(IReadOnlyList<string> entries, Func<string, bool> parses, string what)
    {
        var bad = entries.Select((entry, index) => (entry, index)).Where(e => PreflightContext.IsPlaceholder(e.entry) || !parses(e.entry)).ToList();
        return bad.Count == 0 ? null : $"entry {string.Join(", ", bad.Select(e => e.index))} is not {what}";
    }
}
