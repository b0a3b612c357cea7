using System.Net;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.Web;

/// <summary>
/// A session ends on the server, not only in the browser: a copy of the cookie taken before sign-out,
/// deactivation or a role change is refused afterwards and its holder is sent to sign in.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class SessionEndTests(WebAppFixture fixture)
{
    private static async Task<string> LandingPathAsync(BrowserSession session, string path = "/dashboard") =>
        (await session.GetAsync(path)).RequestMessage!.RequestUri!.AbsolutePath;

    private static async Task SignOutAsync(BrowserSession session)
    {
        var signedOut = await session.SubmitFormAsync("/logout", "/logout", new Dictionary<string, string>());
        Assert.Equal("/login", signedOut.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task A_cookie_copied_before_sign_out_is_sent_to_sign_in_afterwards()
    {
        using var user = await fixture.SignInAsync(SignIn.NewEmail("leaver"));
        using var stolen = user.CopyCookies();
        Assert.Equal("/dashboard", await LandingPathAsync(stolen));

        await SignOutAsync(user);

        Assert.Equal("/login", await LandingPathAsync(stolen));
        Assert.Equal("/login", await LandingPathAsync(user));
    }

    [Fact]
    public async Task Signing_out_in_one_browser_ends_the_users_other_sessions_and_a_new_sign_in_works()
    {
        var email = SignIn.NewEmail("two-browsers");
        using var laptop = await fixture.SignInAsync(email);
        using var phone = await fixture.SignInAsync(email);

        await SignOutAsync(laptop);

        Assert.Equal("/login", await LandingPathAsync(phone));
        using var again = await fixture.SignInAsync(email);
        Assert.Equal("/dashboard", await LandingPathAsync(again));
    }

    [Fact]
    public async Task Signing_in_again_elsewhere_keeps_the_first_session()
    {
        var email = SignIn.NewEmail("second-browser");
        using var laptop = await fixture.SignInAsync(email);
        using var phone = await fixture.SignInAsync(email);

        Assert.Equal("/dashboard", await LandingPathAsync(laptop));
        Assert.Equal("/dashboard", await LandingPathAsync(phone));
    }

    [Fact]
    public async Task A_cookie_from_before_a_deactivation_stays_refused_after_reactivation()
    {
        var email = SignIn.NewEmail("suspended");
        using var user = await fixture.SignInAsync(email);
        using var stolen = user.CopyCookies();
        using var admin = await fixture.SignInAsync(SignIn.AdminEmail);

        Assert.Equal(HttpStatusCode.OK, (await SignIn.ChangeUserAsync(admin, email, "Active", "active", "false")).StatusCode);
        Assert.Equal("/login", await LandingPathAsync(stolen));
        Assert.Equal(HttpStatusCode.OK, (await SignIn.ChangeUserAsync(admin, email, "Active", "active", "true")).StatusCode);

        Assert.Equal("/login", await LandingPathAsync(user));
        using var again = await fixture.SignInAsync(email);
        Assert.Equal("/dashboard", await LandingPathAsync(again));
    }

    [Fact]
    public async Task A_cookie_from_before_a_role_change_is_refused_and_the_next_sign_in_has_the_new_role()
    {
        var email = SignIn.NewEmail("promoted");
        using var user = await fixture.SignInAsync(email);
        using var stolen = user.CopyCookies();
        using var admin = await fixture.SignInAsync(SignIn.AdminEmail);

        Assert.Equal(HttpStatusCode.OK, (await SignIn.ChangeUserAsync(admin, email, "Role", "role", Roles.Manager)).StatusCode);

        Assert.Equal("/login", await LandingPathAsync(stolen));
        Assert.Equal("/login", await LandingPathAsync(user));
        using var again = await fixture.SignInAsync(email);
        Assert.Contains($"{email} · {Roles.Manager}", await (await again.GetAsync("/dashboard")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_role_changed_and_changed_back_still_refuses_the_older_cookie()
    {
        var email = SignIn.NewEmail("round-trip");
        using var user = await fixture.SignInAsync(email);
        using var admin = await fixture.SignInAsync(SignIn.AdminEmail);

        Assert.Equal(HttpStatusCode.OK, (await SignIn.ChangeUserAsync(admin, email, "Role", "role", Roles.Clerk)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignIn.ChangeUserAsync(admin, email, "Role", "role", Roles.Viewer)).StatusCode);

        Assert.Equal("/login", await LandingPathAsync(user));
    }
}
