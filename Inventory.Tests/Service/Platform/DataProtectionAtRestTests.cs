using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Inventory.ServiceDefaults;
using Inventory.Tests.Infrastructure;
using Inventory.Web.Data;
using Inventory.Web.Extensions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Inventory.Tests.Service.Platform;

/// <summary>
/// Web's data-protection keys in webdb, encrypted with a certificate when one is configured
/// (<see cref="DataProtectionSettings"/>): what is stored, that sessions survive a restart, and the start-up warning.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed partial class DataProtectionAtRestTests(ServicesFixture fixture) : IDisposable
{
    private const string Password = "pfx-password";
    private const string UnencryptedWarning = "No XML encryptor configured";
    private readonly string _certificatePath = Path.Combine(Path.GetTempPath(), $"inventory-dp-{Guid.NewGuid():N}.pfx");

    private static readonly WebApplicationFactoryClientOptions SecureCookieClient =
        new() { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("https://localhost") };

    [Fact]
    public async Task With_a_certificate_the_stored_key_is_encrypted_sessions_survive_a_restart_and_there_is_no_warning()
    {
        WriteSelfSignedCertificate(_certificatePath);
        var database = await ScratchWebDbAsync();
        var settings = new Dictionary<string, string?>
        {
            [DataProtectionSettings.CertificatePathSetting] = _certificatePath,
            [DataProtectionSettings.CertificatePasswordSetting] = Password,
        };

        var logs = new CapturingLoggerProvider();
        string cookie;
        await using (var web = Web(database, settings, logs))
            cookie = await SignInAsync(await web.CreateReadyClientAsync(SecureCookieClient));

        var xml = Assert.Single(await StoredKeysAsync(database));
        Assert.Contains("<encryptedSecret", xml);
        Assert.Contains("EncryptedXmlDecryptor", xml);
        Assert.DoesNotContain("<masterKey", xml);
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains(UnencryptedWarning, StringComparison.Ordinal));

        // A restart (or another replica) decrypts the stored key with the certificate and accepts the session cookie.
        await using var restarted = Web(database, settings, new CapturingLoggerProvider());
        var client = await restarted.CreateReadyClientAsync(SecureCookieClient);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/dashboard") { Headers = { { "Cookie", cookie } } };
        var dashboard = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
    }

    [Fact]
    public async Task Without_protection_the_key_is_stored_in_the_clear_and_the_warning_is_logged()
    {
        var database = await ScratchWebDbAsync();
        var logs = new CapturingLoggerProvider();

        await using (var web = Web(database, [], logs))
            await SignInAsync(await web.CreateReadyClientAsync(SecureCookieClient));

        Assert.Contains("<masterKey", Assert.Single(await StoredKeysAsync(database)));
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains(UnencryptedWarning, StringComparison.Ordinal));
    }

    [Fact]
    public void A_certificate_that_cannot_be_read_stops_the_start_naming_the_setting()
    {
        File.WriteAllText(_certificatePath, "not a pfx");
        using var web = new WebFactory("Development", fixture.Postgres.ConnectionString(ResourceNames.WebDb),
            new Dictionary<string, string?> { [DataProtectionSettings.CertificatePathSetting] = _certificatePath });

        var error = Assert.ThrowsAny<Exception>(() => web.CreateClient());

        Assert.Contains($"{DataProtectionSettings.CertificatePathSetting} ('{_certificatePath}') could not be read", error.ToString());
    }

    [Fact]
    public void A_key_vault_key_uri_stops_the_start_rather_than_leave_keys_unprotected()
    {
        using var web = new WebFactory("Development", fixture.Postgres.ConnectionString(ResourceNames.WebDb),
            new Dictionary<string, string?> { [DataProtectionSettings.KeyVaultKeyUriSetting] = "https://vault.example/keys/dp" });

        var error = Assert.ThrowsAny<Exception>(() => web.CreateClient());

        Assert.Contains($"{DataProtectionSettings.KeyVaultKeyUriSetting} is set, but this build cannot", error.ToString());
    }

    [Fact]
    public void Protection_is_configured_only_with_a_certificate_path()
    {
        static IConfiguration With(string key, string value) => new ConfigurationBuilder().AddInMemoryCollection([new(key, value)]).Build();

        Assert.True(DataProtectionSettings.IsProtectionConfigured(With(DataProtectionSettings.CertificatePathSetting, "/etc/inventory/dp.pfx")));
        Assert.False(DataProtectionSettings.IsProtectionConfigured(With(DataProtectionSettings.CertificatePathSetting, " ")));
        Assert.False(DataProtectionSettings.IsProtectionConfigured(With(DataProtectionSettings.KeyVaultKeyUriSetting, "https://vault/keys/k")));
    }

    public void Dispose() => File.Delete(_certificatePath);

    private WebFactory Web(string database, Dictionary<string, string?> settings, CapturingLoggerProvider logs) =>
        new("Development", fixture.Postgres.ConnectionString(database), settings,
            configureServices: services => services.AddSingleton<ILoggerProvider>(logs));

    /// <summary>Development sign-in: its form's anti-forgery token and the session cookie it issues both use the keys.</summary>
    private static async Task<string> SignInAsync(HttpClient client)
    {
        var login = await client.GetAsync("/login");
        var antiforgery = string.Join("; ", login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var token = Token().Match(await login.Content.ReadAsStringAsync()).Groups[1].Value;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/login?handler=Dev")
        {
            Headers = { { "Cookie", antiforgery } },
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Dev.Email"] = "keeper@example.test", ["Dev.Role"] = "Viewer", ["__RequestVerificationToken"] = token,
            }),
        };
        var signedIn = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-Inventory=", StringComparison.Ordinal)).Split(';')[0];
    }

    private static void WriteSelfSignedCertificate(string path)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Inventory data protection (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
    }

    private async Task<string> ScratchWebDbAsync()
    {
        var database = $"dp_keys_{Guid.NewGuid():N}";
        await fixture.Postgres.CreateDatabaseAsync(database);
        return database;
    }

    private async Task<List<string>> StoredKeysAsync(string database)
    {
        await using var db = new WebDbContext(new DbContextOptionsBuilder<WebDbContext>()
            .UseNpgsql(fixture.Postgres.ConnectionString(database)).UseSnakeCaseNamingConvention().Options);
        return await db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
