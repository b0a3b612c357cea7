namespace Inventory.ServiceDefaults.Preflight;

/// <summary>
/// Host-name allow-lists (the gateway's <c>AllowedHosts</c>, Web's <c>ForwardedHeaders:AllowedHosts</c>): in production
/// they must name the public host, and never be <c>*</c>, which lets a request choose the host that redirects and
/// OAuth callbacks are built from. Only loopback names means the public host is missing — unless the platform adds it
/// (<see cref="PublicHost"/> in Azure Container Apps).
/// </summary>
public static class HostRules
{
    private static readonly string[] Loopback = ["localhost", "127.0.0.1", "[::1]", "::1"];

    public static PreflightRule PublicHosts(string key, Func<PreflightContext, IReadOnlyList<string>> hosts) => new(key, context =>
    {
        var listed = hosts(context);
        if (listed.Any(host => host.Trim() == "*"))
            return "*: any Host header is accepted; list the host names the app is served at";
        if (listed.Any(PreflightContext.IsPlaceholder))
            return SettingRules.Placeholder;
        if (PublicHost.InAzureContainerApps(context.Configuration) is not null)
            return null;
        if (listed.Count == 0)
            return $"{SettingRules.Missing}: list the host names the app is served at";
        return listed.All(host => Loopback.Contains(host.Trim(), StringComparer.OrdinalIgnoreCase))
            ? "only loopback names: add the public host name (e.g. inventory.example.com)"
            : null;
    });
}
