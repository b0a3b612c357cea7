using System.Net;
using Inventory.ServiceDefaults;
using Inventory.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Inventory.Tests.Service.Platform;

/// <summary>Which sign-in the app offers in which environment, and that it refuses to run unconfigured.</summary>
[Collection(PlatformCollection.Name)]
public sealed class WebSignInConfigurationTests(ServicesFixture fixture) : IAsyncLifetime
{
    /// <summary>A cookie-keeping client over https: .NET's cookie container sends the Secure anti-forgery cookie only to https addresses.</summary>
    private static readonly WebApplicationFactoryClientOptions SecureCookieClient =
        new() { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost") };

    private static readonly Dictionary<string, string?> Google = new()
    {
        ["Auth:Google:ClientId"] = "id",
        ["Auth:Google:ClientSecret"] = "secret",
    };

    public async Task InitializeAsync() => await fixture.EnsureDatabaseAsync(ResourceNames.WebDb);

    public Task DisposeAsync() => Task.CompletedTask;

    private WebFactory Web(string environment, Dictionary<string, string?> settings) =>
        new(environment, fixture.Postgres.ConnectionString(ResourceNames.WebDb), settings);

    [Fact]
    public void Outside_development_without_google_the_app_refuses_to_start_naming_the_settings()
    {
        using var web = Web("Production", []);

        var error = Assert.ThrowsAny<Exception>(() => web.CreateClient());

        var message = error.GetBaseException().Message;
        Assert.Contains("Auth:Google:ClientId", message);
        Assert.Contains("Auth:Google:ClientSecret", message);
    }

    [Fact]
    public async Task In_development_without_google_the_login_page_offers_development_sign_in_under_a_banner()
    {
        await using var web = Web("Development", []);

        var html = await (await web.CreateReadyClientAsync()).GetStringAsync("/login");

        Assert.Contains("id=\"dev-sign-in\"", html);
        Assert.Contains("id=\"dev-banner\"", html);
        Assert.DoesNotContain("Sign in with Google", html);
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task With_google_configured_development_sign_in_does_not_exist(string environment)
    {
        await using var web = Web(environment, Google);
        var client = await web.CreateReadyClientAsync(SecureCookieClient);
        var html = await client.GetStringAsync("/login");
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

        var response = await client.PostAsync("/login?handler=Dev", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Dev.Email"] = "mallory@example.test", ["Dev.Role"] = "Admin", ["__RequestVerificationToken"] = token,
        }));

        Assert.Contains("Sign in with Google", html);
        Assert.DoesNotContain("dev-sign-in", html);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("__Host-Inventory=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Development_sign_in_shows_the_error_next_to_the_field_for_a_bad_email()
    {
        await using var web = Web("Development", []);
        var client = await web.CreateReadyClientAsync(SecureCookieClient);
        var html = await client.GetStringAsync("/login");
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

        var response = await client.PostAsync("/login?handler=Dev", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Dev.Email"] = "not an email", ["Dev.Role"] = "Viewer", ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Enter a valid e-mail address.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_form_post_without_the_antiforgery_token_is_rejected()
    {
        await using var web = Web("Development", []);
        var client = await web.CreateReadyClientAsync(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.PostAsync("/login?handler=Dev", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Dev.Email"] = "a@example.test", ["Dev.Role"] = "Viewer",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

/// <summary>Web believes X-Forwarded-* only from the gateway's address (loopback by default); anyone else's are ignored.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ForwardedHeadersTests(ServicesFixture fixture) : IAsyncLifetime
{
    public async Task InitializeAsync() => await fixture.EnsureDatabaseAsync(ResourceNames.WebDb);

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("10.20.30.40", "http://localhost/auth/google/callback")]  // a peer inside the network, not the gateway
    [InlineData("127.0.0.1", "https://shop.example/auth/google/callback")] // the gateway
    public async Task Forwarded_host_and_scheme_are_believed_only_from_the_gateway(string peer, string expectedRedirectUri)
    {
        await using var web = new WebFactory("Production", fixture.Postgres.ConnectionString(ResourceNames.WebDb), new Dictionary<string, string?>
        {
            ["Auth:Google:ClientId"] = "id",
            ["Auth:Google:ClientSecret"] = "secret",
            // The public host, as a deployment with a custom domain lists it (an unlisted one is ignored: Web/HostHeaderTests).
            ["ForwardedHeaders:AllowedHosts:0"] = "shop.example",
        });
        // The in-memory server has no connection; give every request the peer address a real one would have.
        using var host = web.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
            services.AddSingleton<IStartupFilter>(new PeerAddressFilter(System.Net.IPAddress.Parse(peer)))));
        // No cookie container: it would not send the Secure anti-forgery cookie over http, which this test needs
        // (browsers do, on localhost); the cookie is passed by hand below.
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!(await client.GetAsync(HealthEndpoints.HealthPath, timeout.Token)).IsSuccessStatusCode)
            await Task.Delay(100, timeout.Token); // migrations run in the background at start
        var login = await client.GetAsync("/login");
        var html = await login.Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/login?handler=Google")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }),
        };
        request.Headers.Add("Cookie", string.Join("; ", login.Headers.GetValues("Set-Cookie").Select(cookie => cookie.Split(';')[0])));
        request.Headers.Add("X-Forwarded-Host", "shop.example");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var redirectUri = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(response.Headers.Location!.Query)["redirect_uri"].ToString();
        Assert.Equal(expectedRedirectUri, redirectUri);
    }

    private sealed class PeerAddressFilter(System.Net.IPAddress peer) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = peer;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
