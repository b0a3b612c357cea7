using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Inventory.Web.Data;
using Microsoft.AspNetCore.DataProtection;

namespace Inventory.Web.Extensions;

/// <summary>
/// Web's data-protection keys (they sign session cookies and anti-forgery tokens) live in webdb, so restarts and
/// replicas share them. With <see cref="CertificatePathSetting"/> set, each key is encrypted with that certificate
/// before it is stored: someone who can read the database (a backup, a replica) cannot forge sessions with it.
/// Without it the keys are stored in the clear and ASP.NET Core warns "No XML encryptor configured" at start.
/// </summary>
public static class DataProtectionSettings
{
    public const string ApplicationName = "Inventory.Web";

    /// <summary>A PFX file with the certificate and its private key (RSA).</summary>
    public const string CertificatePathSetting = "DataProtection:Certificate:Path";
    public const string CertificatePasswordSetting = "DataProtection:Certificate:Password";

    /// <summary>
    /// Reserved for Azure Key Vault. This build cannot use it (the Azure Key Vault data-protection package is not
    /// available to it), so Web refuses to start with it set rather than store keys unprotected while you think otherwise.
    /// </summary>
    public const string KeyVaultKeyUriSetting = "DataProtection:KeyVault:KeyUri";

    /// <summary>Whether keys will be protected at rest (for the production preflight).</summary>
    public static bool IsProtectionConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[CertificatePathSetting]);

    public static void AddWebDataProtection(this IHostApplicationBuilder builder)
    {
        var protection = builder.Services.AddDataProtection().SetApplicationName(ApplicationName).PersistKeysToDbContext<WebDbContext>();
        if (!string.IsNullOrWhiteSpace(builder.Configuration[KeyVaultKeyUriSetting]))
            throw new InvalidOperationException(
                $"{KeyVaultKeyUriSetting} is set, but this build cannot protect data-protection keys with Azure Key Vault. " +
                $"Use a certificate ({CertificatePathSetting}, {CertificatePasswordSetting}) and unset {KeyVaultKeyUriSetting}.");
        if (IsProtectionConfigured(builder.Configuration))
            protection.ProtectKeysWithCertificate(LoadCertificate(builder.Configuration));
    }

    // Read once at start: a missing file or a wrong password stops the app with the setting's name, not at the first sign-in.
    private static X509Certificate2 LoadCertificate(IConfiguration configuration)
    {
        var path = configuration[CertificatePathSetting]!;
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration[CertificatePasswordSetting], X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"{CertificatePathSetting} ('{path}') could not be read as a PFX with {CertificatePasswordSetting}: {ex.Message}", ex);
        }
        using var privateKey = certificate.GetRSAPrivateKey();
        if (privateKey is null)
            throw new InvalidOperationException($"{CertificatePathSetting} ('{path}') has no RSA private key; data protection needs one to decrypt its keys.");
        return certificate;
    }
}
