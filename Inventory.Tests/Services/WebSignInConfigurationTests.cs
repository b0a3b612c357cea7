using System.Net;
using Inventory.ServiceDefaults;
using Inventory.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Inventory.Tests.Services;

/// <summary>Which sign-in the app offers in which environment, and that it refuses to run unconfigured.</summary>
[Collection(ServicesCollection.Name)]
public sealed class WebSignInConfigurationTests(ServicesFixture fixture) : IAsyncLifetime
{
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
        var client = await web.CreateReadyClientAsync(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
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
        var client = await web.CreateReadyClientAsync(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
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
