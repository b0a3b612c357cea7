using System.Security.Cryptography;
using Inventory.ServiceDefaults;

namespace Inventory.Tests.Unit.Preflight;

/// <summary>
/// <c>check</c> on each service, in process: a complete production configuration passes (exit 0, "OK"); a missing or
/// wrong one is refused (exit 1) with every offending setting named, and never a secret's value in the output.
/// </summary>
public sealed class PreflightCommandTests(GoodConfigurations good) : IClassFixture<GoodConfigurations>
{
    private Dictionary<string, string> Good(string service) => service switch
    {
        ResourceNames.Catalog => good.Catalog,
        ResourceNames.Procurement => good.Procurement,
        ResourceNames.Web => good.Web,
        _ => good.Gateway,
    };

    private Dictionary<string, string> GoodWith(string service, Dictionary<string, string> changes)
    {
        var settings = Good(service);
        foreach (var (key, value) in changes)
            settings[key] = value;
        return settings;
    }

    private void AssertNoSecret(PreflightResult result)
    {
        foreach (var secret in good.Secrets)
            Assert.DoesNotContain(secret, result.Output);
    }

    [Theory]
    [MemberData(nameof(PreflightServices.Names), MemberType = typeof(PreflightServices))]
    public async Task A_complete_production_configuration_passes(string service)
    {
        var result = await PreflightServices.CheckAsync(service, Good(service));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(result.Settings);
        Assert.Equal("OK", result.Verdict);
    }

    public static TheoryData<string, string[]> MissingSettings => new()
    {
        { ResourceNames.Catalog, ["ConnectionStrings:catalogdb", "Auth:UserTokens:PublicKey", "Auth:ServiceTokens:procurement:PublicKey"] },
        { ResourceNames.Procurement, ["ConnectionStrings:procurementdb", "Auth:SigningKey", "Auth:UserTokens:PublicKey", "services:catalog"] },
        {
            ResourceNames.Web,
            [
                "Auth:Google:ClientId", "Auth:Google:ClientSecret", "Auth:AllowedDomains", "Auth:SigningKey", "ConnectionStrings:webdb",
                "DataProtection:Certificate:Path", "ForwardedHeaders:KnownNetworks", "ForwardedHeaders:AllowedHosts",
                "services:catalog", "services:procurement",
            ]
        },
        {
            ResourceNames.Gateway,
            ["AllowedHosts", "Auth:UserTokens:PublicKey", "Kestrel:Endpoints:Https:Url", "ForwardedHeaders:KnownNetworks", "services:web"]
        },
    };

    [Theory]
    [MemberData(nameof(MissingSettings))]
    public async Task The_shipped_appsettings_alone_name_every_missing_setting(string service, string[] expected)
    {
        // Web's appsettings.json trusts the gateway on loopback; emptied here, the way a container deployment would find it wrong.
        var settings = service == ResourceNames.Web
            ? new Dictionary<string, string> { ["ForwardedHeaders:KnownProxies:0"] = "", ["ForwardedHeaders:KnownProxies:1"] = "" }
            : [];

        var result = await PreflightServices.CheckAsync(service, settings);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal(expected.Order(), result.Settings.Order());
        Assert.Equal($"{expected.Length} problems", result.Verdict);
    }

    [Fact]
    public async Task Wrong_sign_in_keys_data_protection_and_proxy_settings_of_web_are_each_named_without_their_values()
    {
        var result = await PreflightServices.CheckAsync(ResourceNames.Web, GoodWith(ResourceNames.Web, new()
        {
            ["Auth:Google:CallbackPath"] = "auth/google/callback",
            ["Auth:Google:AuthorizationEndpoint"] = "http://127.0.0.1:9/authorize",
            ["Auth:Google:TokenEndpoint"] = "http://127.0.0.1:9/token",
            ["Auth:Google:UserInformationEndpoint"] = "not a url",
            ["Auth:AllowedDomains:0"] = "someone@example.com",
            ["Auth:AllowedEmails:0"] = "not-an-email",
            ["Auth:AdminEmails:0"] = "nobody",
            ["Auth:DefaultRole"] = "Admin",
            // Another pair's public half: tokens Web signs would not verify against it.
            ["Auth:UserTokens:PublicKey"] = good.ProcurementKeys.PublicKeyPem,
            ["ConnectionStrings:webdb"] = $"Host=db.internal;Password={GoodConfigurations.DatabasePassword};Database",
            ["DataProtection:Certificate:Path"] = "/no/such/data-protection.pfx",
            ["DataProtection:KeyVault:KeyUri"] = "http://vault.example.com/keys/data-protection",
            ["ForwardedHeaders:KnownProxies:0"] = "gateway.internal",
            ["ForwardedHeaders:KnownNetworks:0"] = "10.0.1.0/99",
            ["ForwardedHeaders:AllowedHosts:0"] = "*",
        }));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal(
            new[]
            {
                "Auth:Google:CallbackPath", "Auth:Google:AuthorizationEndpoint", "Auth:Google:TokenEndpoint", "Auth:Google:UserInformationEndpoint",
                "Auth:AllowedDomains", "Auth:AllowedEmails", "Auth:AdminEmails", "Auth:DefaultRole", "Auth:UserTokens:PublicKey",
                "ConnectionStrings:webdb", "DataProtection:Certificate:Path", "DataProtection:KeyVault:KeyUri",
                "ForwardedHeaders:KnownProxies", "ForwardedHeaders:KnownNetworks", "ForwardedHeaders:AllowedHosts",
            }.Order(),
            result.Settings.Order());
        AssertNoSecret(result);
    }

    [Fact]
    public async Task A_gateway_with_its_own_https_listener_needs_a_certificate_file_and_the_redirect()
    {
        var result = await PreflightServices.CheckAsync(ResourceNames.Gateway, GoodWith(ResourceNames.Gateway, new()
        {
            ["AllowedHosts"] = "*",
            ["urls"] = "https://0.0.0.0:8443;http://0.0.0.0:8080",
            ["Kestrel:Certificates:Default:Path"] = "/no/such/gateway.pfx",
            ["Gateway:RedirectToHttps"] = "false",
            ["ForwardedHeaders:KnownProxies:0"] = "lb.internal",
            ["ReverseProxy:Clusters:web:Destinations:web:Address"] = "",
        }));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal(
            new[]
            {
                "AllowedHosts", "Kestrel:Certificates:Default:Path", "Gateway:RedirectToHttps", "ForwardedHeaders:KnownProxies",
                "ReverseProxy:Clusters:web:Destinations:web:Address",
            }.Order(),
            result.Settings.Order());
    }

    [Fact]
    public async Task A_gateway_https_listener_without_any_certificate_is_named()
    {
        var settings = GoodWith(ResourceNames.Gateway, new() { ["urls"] = "https://0.0.0.0:8443" });
        settings.Remove("ForwardedHeaders:KnownNetworks:0");

        var result = await PreflightServices.CheckAsync(ResourceNames.Gateway, settings);

        // Its own listener, so no proxy needs trusting; but the production host has no development certificate.
        Assert.Equal(["Kestrel:Certificates:Default:Path"], result.Settings);
    }

    [Fact]
    public async Task Key_pairs_crossed_between_issuers_are_named()
    {
        var catalog = await PreflightServices.CheckAsync(ResourceNames.Catalog, GoodWith(ResourceNames.Catalog, new()
        {
            ["Auth:ServiceTokens:procurement:PublicKey"] = good.WebKeys.PublicKeyPem,
            ["ConnectionStrings:catalogdb"] = $"Database=catalogdb;Username=inventory;Password={GoodConfigurations.DatabasePassword}",
        }));
        var procurement = await PreflightServices.CheckAsync(ResourceNames.Procurement, GoodWith(ResourceNames.Procurement, new()
        {
            // Procurement trusting its own key for user tokens could mint any user's.
            ["Auth:UserTokens:PublicKey"] = good.ProcurementKeys.PublicKeyPem,
            ["Auth:ServiceTokens:procurement:PublicKey"] = good.WebKeys.PublicKeyPem,
            ["services:catalog:http:0"] = "",
        }));

        Assert.Equal(["ConnectionStrings:catalogdb", "Auth:ServiceTokens:procurement:PublicKey"], catalog.Settings);
        Assert.Equal(["Auth:UserTokens:PublicKey", "Auth:ServiceTokens:procurement:PublicKey", "services:catalog"], procurement.Settings);
        AssertNoSecret(catalog);
        AssertNoSecret(procurement);
    }

    [Fact]
    public async Task Unreadable_keys_are_named_and_never_printed()
    {
        const string garbage = "-----BEGIN PRIVATE KEY-----\nc2VjcmV0LWtleS1tYXRlcmlhbC1ub3QtYS1rZXk=\n-----END PRIVATE KEY-----";
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var wrongCurve = p384.ExportPkcs8PrivateKeyPem();

        var web = await PreflightServices.CheckAsync(ResourceNames.Web, GoodWith(ResourceNames.Web, new() { ["Auth:SigningKey"] = garbage }));
        var procurement = await PreflightServices.CheckAsync(ResourceNames.Procurement,
            GoodWith(ResourceNames.Procurement, new() { ["Auth:SigningKey"] = wrongCurve }));
        // A private key where a public one belongs: the gateway must not hold what can mint user tokens.
        var gateway = await PreflightServices.CheckAsync(ResourceNames.Gateway,
            GoodWith(ResourceNames.Gateway, new() { ["Auth:UserTokens:PublicKey"] = good.WebKeys.PrivateKeyPem }));

        Assert.Equal(["Auth:SigningKey"], web.Settings);
        Assert.Equal(["Auth:SigningKey"], procurement.Settings);
        Assert.Equal(["Auth:UserTokens:PublicKey"], gateway.Settings);
        Assert.DoesNotContain("c2VjcmV0", web.Output);
        Assert.DoesNotContain(GoodConfigurations.KeyBody(wrongCurve), procurement.Output);
        AssertNoSecret(gateway);
    }

    [Fact]
    public async Task The_development_environment_is_named()
    {
        var result = await PreflightServices.CheckAsync(ResourceNames.Catalog, good.Catalog, "--environment=Development");

        Assert.Equal(["ASPNETCORE_ENVIRONMENT"], result.Settings);
        Assert.Contains("checking the Development configuration", result.Output);
    }

    [Fact]
    public async Task Connect_tries_the_database_and_names_the_connection_string_it_cannot_reach()
    {
        var unreachable = GoodWith(ResourceNames.Catalog, new()
        {
            // Port 1 on loopback: nothing listens, the connection is refused at once.
            ["ConnectionStrings:catalogdb"] = $"Host=127.0.0.1;Port=1;Database=catalogdb;Username=inventory;Password={GoodConfigurations.DatabasePassword}",
        });

        var offline = await PreflightServices.CheckAsync(ResourceNames.Catalog, unreachable);
        var connected = await PreflightServices.CheckAsync(ResourceNames.Catalog, unreachable, "--connect");

        Assert.Equal(0, offline.ExitCode);
        Assert.Equal(1, connected.ExitCode);
        Assert.Equal(["ConnectionStrings:catalogdb"], connected.Settings);
        Assert.Contains("cannot connect", connected.Output);
        AssertNoSecret(connected);
    }
}
