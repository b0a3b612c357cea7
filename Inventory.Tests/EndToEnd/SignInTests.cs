using System.Net;
using Inventory.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace Inventory.Tests.EndToEnd;

/// <summary>Google sign-in through the gateway, with the real Google handler against a fake provider on loopback.</summary>
[Collection(AppHostCollection.Name)]
public sealed class SignInTests(AppHostFixture fixture)
{
    [Fact]
    public async Task A_user_of_the_allowed_domain_ends_signed_in_with_the_default_role()
    {
        using var browser = await fixture.SignInAsync("new.person@example.test");

        var dashboard = await browser.GetAsync("/dashboard");

        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Equal("/dashboard", dashboard.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("new.person@example.test · Viewer", await dashboard.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_configured_admin_email_becomes_admin_and_sees_the_users_page()
    {
        using var browser = await fixture.SignInAsync(AppHostFixture.AdminEmail);

        var users = await browser.GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.OK, users.StatusCode);
        Assert.Contains($"{AppHostFixture.AdminEmail} · Admin", await users.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_user_of_another_domain_is_refused_with_a_message_and_no_session()
    {
        using var browser = new BrowserSession(fixture.GatewayUrl);
        var toProvider = await browser.SubmitFormAsync("/login", "/login?handler=Google", new Dictionary<string, string>(), follow: false);

        var landing = await browser.GetAsync(toProvider.Headers.Location + "&test_user=intruder%40elsewhere.test");

        Assert.Equal("/login", landing.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("organisation is not allowed", await landing.Content.ReadAsStringAsync());
        Assert.False(browser.HasCookie("__Host-Inventory"));
        Assert.Equal("/login", (await browser.GetAsync("/dashboard")).RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task Starting_sign_in_redirects_to_the_provider_with_client_redirect_uri_state_and_pkce()
    {
        using var browser = new BrowserSession(fixture.GatewayUrl);

        var response = await browser.SubmitFormAsync("/login", "/login?handler=Google", new Dictionary<string, string>(), follow: false);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith(fixture.OAuth.AuthorizationEndpoint, location.ToString());
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal(FakeOAuthServer.ClientId, query["client_id"]);
        Assert.Equal(new Uri(fixture.GatewayUrl, "/auth/google/callback").ToString(), query["redirect_uri"]);
        Assert.False(string.IsNullOrEmpty(query["state"]));
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.Matches("^[A-Za-z0-9_-]{43}$", query["code_challenge"].ToString());
        Assert.Equal("code", query["response_type"]);
    }

    [Fact]
    public async Task The_session_cookie_is_host_prefixed_secure_httponly_and_lax()
    {
        using var browser = await fixture.SignInAsync("cookie.check@example.test");

        var cookie = browser.SetCookieHeaders.Last(h => h.StartsWith("__Host-Inventory=", StringComparison.Ordinal)).ToLowerInvariant();

        Assert.Contains("; secure", cookie);
        Assert.Contains("; httponly", cookie);
        Assert.Contains("; samesite=lax", cookie);
        Assert.Contains("; path=/", cookie);
        Assert.DoesNotContain("domain=", cookie);
    }

    [Theory]
    [InlineData("/dashboard")]
    [InlineData("/inventory")]
    [InlineData("/suppliers")]
    [InlineData("/purchase-orders")]
    [InlineData("/admin/users")]
    public async Task Anonymous_visitors_are_sent_to_sign_in(string path)
    {
        using var browser = new BrowserSession(fixture.GatewayUrl);

        var response = await browser.GetAsync(path, follow: false);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        // A path, never an absolute URL built from the request's Host (docs/security.md, "Allowed hosts").
        Assert.False(response.Headers.Location!.IsAbsoluteUri);
        var location = new Uri(fixture.GatewayUrl, response.Headers.Location);
        Assert.Equal("/login", location.AbsolutePath);
        Assert.Equal(path, QueryHelpers.ParseQuery(location.Query)["ReturnUrl"]);
    }

    [Fact]
    public async Task The_login_page_is_public()
    {
        using var browser = new BrowserSession(fixture.GatewayUrl);

        var response = await browser.GetAsync("/login");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Sign in with Google", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_callback_accepts_get_and_a_missing_code_ends_on_the_sign_in_page_with_a_message()
    {
        using var browser = new BrowserSession(fixture.GatewayUrl);

        var response = await browser.GetAsync("/auth/google/callback?state=bogus");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/login", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("did not complete", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_provider_error_such_as_access_denied_ends_on_the_sign_in_page_with_a_message()
    {
        using var browser = new BrowserSession(fixture.GatewayUrl);
        var toProvider = await browser.SubmitFormAsync("/login", "/login?handler=Google", new Dictionary<string, string>(), follow: false);
        var state = QueryHelpers.ParseQuery(toProvider.Headers.Location!.Query)["state"];

        var response = await browser.GetAsync($"/auth/google/callback?error=access_denied&state={Uri.EscapeDataString(state!)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/login", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("Sign-in was cancelled", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_deactivated_users_session_stops_at_their_next_request()
    {
        using var user = await fixture.SignInAsync("leaver@example.test");
        Assert.Equal("/dashboard", (await user.GetAsync("/dashboard")).RequestMessage!.RequestUri!.AbsolutePath);
        using var admin = await fixture.SignInAsync(AppHostFixture.AdminEmail);

        await SetActiveAsync(admin, "leaver@example.test", active: false);

        Assert.Equal("/login", (await user.GetAsync("/dashboard")).RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task A_role_change_by_an_admin_applies_to_the_users_next_request()
    {
        using var user = await fixture.SignInAsync("promoted@example.test");
        using var admin = await fixture.SignInAsync(AppHostFixture.AdminEmail);

        var saved = await SignIn.ChangeUserAsync(admin, "promoted@example.test", "Role", "role", "Manager");

        // The old session ends (its cookie was issued for the old role); signing in again gives the new one.
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("/login", (await user.GetAsync("/dashboard")).RequestMessage!.RequestUri!.AbsolutePath);
        using var again = await fixture.SignInAsync("promoted@example.test");
        Assert.Contains("promoted@example.test · Manager", await (await again.GetAsync("/dashboard")).Content.ReadAsStringAsync());
    }

    private static async Task SetActiveAsync(BrowserSession admin, string email, bool active) =>
        Assert.Equal(HttpStatusCode.OK, (await SignIn.ChangeUserAsync(admin, email, "Active", "active", active ? "true" : "false")).StatusCode);
}
