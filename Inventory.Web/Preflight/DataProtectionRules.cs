using Inventory.ServiceDefaults.Preflight;

namespace Inventory.Web.Preflight;

/// <summary>
/// Web's data-protection keys (they protect session and anti-forgery cookies) sit in webdb; in production they must be
/// encrypted at rest, by a certificate (<c>DataProtection:Certificate:Path</c>, a .pfx with <c>:Password</c>) or by
/// Azure Key Vault (<c>DataProtection:KeyVault:KeyUri</c>). Only presence is checked: the file exists, the URI is https.
/// </summary>
internal static class DataProtectionRules
{
    public const string CertificatePath = "DataProtection:Certificate:Path";
    public const string KeyVaultKeyUri = "DataProtection:KeyVault:KeyUri";

    public static PreflightRule KeysProtected { get; } = new(CertificatePath, context =>
    {
        if (context.Value(CertificatePath) is { } path)
            return SettingRules.Absent(path) ?? (File.Exists(context.FullPath(path)) ? null : "no such file");
        if (context.Value(KeyVaultKeyUri) is not null)
            return null;
        return $"{SettingRules.Missing}, and so is {KeyVaultKeyUri}: the keys behind every session cookie are stored unencrypted";
    });

    public static PreflightRule KeyVaultUri { get; } = new(KeyVaultKeyUri, context =>
        context.Value(KeyVaultKeyUri) is { } uri &&
        (PreflightContext.IsPlaceholder(uri) || !Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || parsed.Scheme != Uri.UriSchemeHttps)
            ? "not an https key URI (https://<vault>.vault.azure.net/keys/<key>)"
            : null);
}
