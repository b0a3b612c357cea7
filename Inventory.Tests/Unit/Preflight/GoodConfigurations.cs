using Inventory.ServiceDefaults.Security;

namespace Inventory.Tests.Unit.Preflight;

/// <summary>
/// A complete production configuration for each service, with fresh key pairs: Web's and procurement's, each half
/// given only to whoever needs it. <see cref="Secrets"/> lists every secret value, which no output may contain.
/// </summary>
public sealed class GoodConfigurations : IDisposable
{
    public SigningKeys.KeyPair WebKeys { get; } = SigningKeys.Generate();
    public SigningKeys.KeyPair ProcurementKeys { get; } = SigningKeys.Generate();
    public const string GoogleSecret = "google-secret-4c9f1e";
    public const string DatabasePassword = "db-password-77a0b2";

    /// <summary>Stands in for the data-protection certificate: the check looks only for the file.</summary>
    public string CertificateFile { get; } = Path.Combine(Path.GetTempPath(), $"inventory-preflight-{Guid.NewGuid():N}.pfx");

    public GoodConfigurations() => File.WriteAllText(CertificateFile, "");

    public IEnumerable<string> Secrets => [GoogleSecret, DatabasePassword, KeyBody(WebKeys.PrivateKeyPem), KeyBody(ProcurementKeys.PrivateKeyPem)];

    public static string ConnectionString(string database) =>
        $"Host=db.internal;Database={database};Username=inventory;Password={DatabasePassword}";

    public Dictionary<string, string> Catalog => new()
    {
        ["ConnectionStrings:catalogdb"] = ConnectionString("catalogdb"),
        ["Auth:UserTokens:PublicKey"] = WebKeys.PublicKeyPem,
        ["Auth:ServiceTokens:procurement:PublicKey"] = ProcurementKeys.PublicKeyPem,
    };

    public Dictionary<string, string> Procurement => new()
    {
        ["ConnectionStrings:procurementdb"] = ConnectionString("procurementdb"),
        ["Auth:SigningKey"] = ProcurementKeys.PrivateKeyPem,
        ["Auth:UserTokens:PublicKey"] = WebKeys.PublicKeyPem,
        ["services:catalog:http:0"] = "http://catalog.internal:8080",
    };

    public Dictionary<string, string> Web => new()
    {
        ["ConnectionStrings:webdb"] = ConnectionString("webdb"),
        ["Auth:Google:ClientId"] = "1234-inventory.apps.googleusercontent.com",
        ["Auth:Google:ClientSecret"] = GoogleSecret,
        ["Auth:AllowedDomains:0"] = "example.com",
        ["Auth:AdminEmails:0"] = "it-admin@example.com",
        ["Auth:SigningKey"] = WebKeys.PrivateKeyPem,
        ["DataProtection:Certificate:Path"] = CertificateFile,
        ["ForwardedHeaders:KnownNetworks:0"] = "10.0.1.0/24",
        ["ForwardedHeaders:AllowedHosts:0"] = "inventory.example.com",
        ["services:catalog:http:0"] = "http://catalog.internal:8080",
        ["services:procurement:http:0"] = "http://procurement.internal:8080",
    };

    public Dictionary<string, string> Gateway => new()
    {
        ["AllowedHosts"] = "inventory.example.com",
        ["Auth:UserTokens:PublicKey"] = WebKeys.PublicKeyPem,
        ["ForwardedHeaders:KnownNetworks:0"] = "10.0.0.0/24",
        ["services:web:http:0"] = "http://web.internal:8080",
    };

    /// <summary>A line of the key's base64: enough to recognise it in output.</summary>
    public static string KeyBody(string pem) => pem.Split('\n')[1];

    public void Dispose() => File.Delete(CertificateFile);
}
