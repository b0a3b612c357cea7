using System.Net;
using Inventory.Tests.Infrastructure;
using Inventory.Web.Auth;

namespace Inventory.Tests.Web;

/// <summary>Every cookie Web sets is Secure — the anti-forgery cookie as well as the session's (docs/security.md).</summary>
[Collection(WebAppCollection.Name)]
public sealed class SecureCookieTests(WebAppFixture app)
{
    [Fact]
    public async Task The_sign_in_page_sets_a_secure_host_only_anti_forgery_cookie()
    {
        using var visitor = new BrowserSession(app.WebAddress);

        var page = await visitor.GetAsync("/login", follow: false);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var cookies = Cookies(page).ToList();
        var antiforgery = Assert.Single(cookies, c => c.StartsWith(SecureCookies.AntiforgeryName + "=", StringComparison.Ordinal));
        Assert.Contains("path=/", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.All(cookies, AssertSecure);
    }

    [Fact]
    public async Task Every_cookie_of_signing_in_and_of_a_form_page_is_secure()
    {
        using var admin = await app.SignInAsync(SignIn.AdminEmail);
        var formPage = await admin.GetAsync("/admin/users", follow: false);

        Assert.Equal(HttpStatusCode.OK, formPage.StatusCode);
        Assert.Contains("__RequestVerificationToken", await formPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The whole sign-in: anti-forgery, the OAuth correlation cookie, the session and the budget pass.
        Assert.Contains(admin.SetCookieHeaders, c => c.StartsWith(SecureCookies.AntiforgeryName + "=", StringComparison.Ordinal));
        Assert.Contains(admin.SetCookieHeaders, c => c.StartsWith(WebAuthentication.CookieName + "=", StringComparison.Ordinal));
        Assert.All(admin.SetCookieHeaders, AssertSecure);
        Assert.All(Cookies(formPage), AssertSecure);
    }

    private static void AssertSecure(string setCookie) =>
        Assert.True(setCookie.Split(';').Skip(1).Any(a => a.Trim().Equals("secure", StringComparison.OrdinalIgnoreCase)),
            $"not Secure: {setCookie}");

    private static IEnumerable<string> Cookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
}
