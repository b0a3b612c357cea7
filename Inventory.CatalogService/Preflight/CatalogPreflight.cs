using Inventory.ServiceDefaults;
using Inventory.ServiceDefaults.Preflight;
using Inventory.ServiceDefaults.Security;

namespace Inventory.CatalogService.Preflight;

/// <summary>What the catalog's production configuration must get right (<c>dotnet Inventory.CatalogService.dll check</c>).</summary>
public static class CatalogPreflight
{
    private static readonly string ProcurementPublicKey = ServiceAuthentication.ServicePublicKeySetting(ResourceNames.Procurement);

    public static PreflightCommand Command { get; } = new(ResourceNames.Catalog,
    [
        SettingRules.NotDevelopment,
        ConnectionStringRules.For(ResourceNames.CatalogDb),
        // The catalog verifies Web's user tokens and procurement's service tokens, and mints neither.
        SigningKeyRules.PublicKey(ServiceAuthentication.UserPublicKeySetting),
        SigningKeyRules.PublicKey(ProcurementPublicKey),
        SigningKeyRules.Distinct(ProcurementPublicKey, ServiceAuthentication.UserPublicKeySetting,
            "whoever holds Web's key could post receipts as procurement, and procurement could act as any user"),
    ]);
}
