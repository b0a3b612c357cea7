using Inventory.ServiceDefaults;
using Inventory.ServiceDefaults.Preflight;
using Inventory.ServiceDefaults.Security;

namespace Inventory.ProcurementService.Preflight;

/// <summary>What procurement's production configuration must get right (<c>dotnet Inventory.ProcurementService.dll check</c>).</summary>
public static class ProcurementPreflight
{
    private const string SigningKey = "Auth:SigningKey";

    public static PreflightCommand Command { get; } = new(ResourceNames.Procurement,
    [
        SettingRules.NotDevelopment,
        ConnectionStringRules.For(ResourceNames.ProcurementDb),
        // Procurement signs its own service tokens and verifies Web's user tokens.
        SigningKeyRules.PrivateKey(SigningKey),
        SigningKeyRules.PublicKey(ServiceAuthentication.UserPublicKeySetting),
        SigningKeyRules.DoesNotMatch(ServiceAuthentication.UserPublicKeySetting, SigningKey,
            "procurement could mint user tokens; give it its own key pair and Web's public key"),
        // Not needed here, but where a shared configuration carries it, it must be this service's own.
        SigningKeyRules.Matches(ServiceAuthentication.ServicePublicKeySetting(ResourceNames.Procurement), SigningKey),
        SettingRules.ServiceAddress(ResourceNames.Catalog, alternative: "Catalog:BaseAddress"),
    ]);
}
