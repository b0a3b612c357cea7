using Inventory.ServiceDefaults.Preflight;
using Inventory.Web.Extensions;

namespace Inventory.Web.Preflight;

/// <summary>
/// Web's data-protection keys (they protect session and anti-forgery cookies) sit in webdb; in production they must be
/// encrypted at rest by a certificate (<c>DataProtection:Certificate:Path</c>, a .pfx with <c>:Password</c>: see
/// <see cref="DataProtectionSettings"/>). Only presence is checked: the file exists. Azure Key Vault
/// (<c>DataProtection:KeyVault:KeyUri</c>) is not supported by this build, and Web refuses to start with it set.
/// </summary>
internal static class DataProtectionRules
{
    public const string CertificatePath = DataProtectionSettings.CertificatePathSetting;
    public const string KeyVaultKeyUri = DataProtectionSettings.KeyVaultKeyUriSetting;

    public static PreflightRule KeysProtected { get; } = new(CertificatePath, context =>
    {
        if (context.Value(CertificatePath) is { } path)
            return SettingRules.Absent(path) ?? (File.Exists(context.FullPath(path)) ? null : "no such file");
        return $"{SettingRules.Missing}: the keys behind every session cookie are stored unencrypted";
    });

    public static PreflightRule KeyVaultUri { get; } = new(KeyVaultKeyUri, context =>
        context.Value(KeyVaultKeyUri) is not null
            ? $"not supported by this build (Web refuses to start with it): protect the keys with {CertificatePath}"
            : null);
}
