using Inventory.ServiceDefaults;
using Inventory.ServiceDefaults.Preflight;
using Inventory.ServiceDefaults.Security;

namespace Inventory.Gateway.Preflight;

/// <summary>What the gateway's production configuration must get right (<c>dotnet Inventory.Gateway.dll check</c>).</summary>
public static class GatewayPreflight
{
    private const string WebDestination = "ReverseProxy:Clusters:web:Destinations:web:Address";

    public static PreflightCommand Command { get; } = new(ResourceNames.Gateway,
    [
        SettingRules.NotDevelopment,
        HostRules.PublicHosts("AllowedHosts", context =>
            (context.Value("AllowedHosts") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)),
        // To verify Web's budget passes: without it every rate-limit budget is per address, never per user.
        SigningKeyRules.PublicKey(ServiceAuthentication.UserPublicKeySetting),
        .. HttpsRules.All,
        .. ProxyRules.Readable,
        ProxyRules.ProxyTrusted("client addresses will be the proxy's: one rate-limit budget for every client, and HSTS never sent",
            when: context => !HttpsRules.HasListener(context)),
        new(WebDestination, context => SettingRules.Absent(context.Value(WebDestination))),
        new($"services:{ResourceNames.Web}", context =>
            context.Value(WebDestination) is { } address && address.Contains('+') && !context.HasAny($"services:{ResourceNames.Web}")
                ? $"{SettingRules.Missing}: {WebDestination} is found by service discovery; set services:{ResourceNames.Web}:http:0 (or give the address itself)"
                : null),
    ]);
}
