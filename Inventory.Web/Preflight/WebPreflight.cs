using Inventory.ServiceDefaults;
using Inventory.ServiceDefaults.Preflight;
using Inventory.ServiceDefaults.Security;

namespace Inventory.Web.Preflight;

/// <summary>What Web's production configuration must get right (<c>dotnet Inventory.Web.dll check</c>; docs/production-checklist.md).</summary>
public static class WebPreflight
{
    private const string SigningKey = "Auth:SigningKey";
    private const string ForwardedAllowedHosts = $"{TrustedProxies.Section}:AllowedHosts";

    public static PreflightCommand Command { get; } = new(ResourceNames.Web,
    [
        SettingRules.NotDevelopment,
        .. SignInRules.All,
        SigningKeyRules.PrivateKey(SigningKey),
        // Web needs no public key, but where one is given (a shared configuration) it must be this key's.
        SigningKeyRules.Matches(ServiceAuthentication.UserPublicKeySetting, SigningKey),
        ConnectionStringRules.For(ResourceNames.WebDb),
        DataProtectionRules.KeysProtected,
        DataProtectionRules.KeyVaultUri,
        .. ProxyRules.Readable,
        ProxyRules.ProxyTrusted("Web believes no X-Forwarded-* header: client addresses will be the gateway's and OAuth redirect URIs plain http"),
        HostRules.PublicHosts(ForwardedAllowedHosts, context => context.List(ForwardedAllowedHosts)),
        SettingRules.ServiceAddress(ResourceNames.Catalog),
        SettingRules.ServiceAddress(ResourceNames.Procurement),
    ]);
}
