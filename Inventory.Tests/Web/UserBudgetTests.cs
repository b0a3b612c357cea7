using System.Net;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;
using Inventory.Tests.Service.Gateway;
using Inventory.Web.Auth;

namespace Inventory.Tests.Web;

/// <summary>
/// Per-user budgets end to end: Web gives each signed-in browser a pass, the gateway in front of it charges
/// that user's budget. Every browser here reaches the gateway from 127.0.0.1, as behind the local proxy.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class UserBudgetTests(WebAppFixture app)
{
    [Fact]
    public async Task One_users_burst_does_not_throttle_another_user_or_anonymous_visitors_at_the_same_address()
    {
        await using var gateway = InProcessGateway.StartInFrontOf(app.WebAddress, new Dictionary<string, string>
        {
            ["RateLimiting:Global:PermitLimit"] = "20",
            ["RateLimiting:Global:Window"] = "01:00:00",
            [ServiceAuthentication.UserPublicKeySetting] = app.Services.Tokens.Web.PublicKeyPem,
        });
        using var alice = await SignIn.AsAsync(gateway.Address(), SignIn.NewEmail("alice"));
        using var bob = await SignIn.AsAsync(gateway.Address(), SignIn.NewEmail("bob"));

        var served = 0;
        while ((await alice.GetAsync("/dashboard", follow: false)).StatusCode == HttpStatusCode.OK && served < 100)
            served++;

        Assert.InRange(served, 1, 20);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await alice.GetAsync("/dashboard", follow: false)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bob.GetAsync("/dashboard", follow: false)).StatusCode);
        using var visitor = new BrowserSession(gateway.Address());
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/login", follow: false)).StatusCode);
    }

    [Fact]
    public async Task The_pass_is_a_secure_http_only_cookie_set_on_pages_and_never_on_static_files()
    {
        // Sign in step by step, to stop before the first page.
        using var browser = new BrowserSession(app.WebAddress);
        var toProvider = await browser.SubmitFormAsync("/login", "/login?handler=Google", new Dictionary<string, string>(), follow: false);
        var toCallback = await browser.GetAsync(toProvider.Headers.Location + "&test_user=" + Uri.EscapeDataString(SignIn.NewEmail("pass")), follow: false);
        var signedIn = await browser.GetAsync(toCallback.Headers.Location!.ToString(), follow: false);
        Assert.True(browser.HasCookie(WebAuthentication.CookieName), $"not signed in: {signedIn.StatusCode}");

        var css = await browser.GetAsync("/css/site.css", follow: false);
        var page = await browser.GetAsync("/dashboard", follow: false);

        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.DoesNotContain(Cookies(css), h => h.StartsWith(BudgetPass.CookieName + "=", StringComparison.Ordinal));
        var pass = Assert.Single(Cookies(page), h => h.StartsWith(BudgetPass.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("secure", pass, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", pass, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", pass, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("max-age=300", pass, StringComparison.OrdinalIgnoreCase);
    }

    private static IEnumerable<string> Cookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
}
