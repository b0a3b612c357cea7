using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.Browser;

/// <summary>A person in a real browser signs in with "Google" (the fake provider) through the gateway, at each width.</summary>
[Collection(BrowserAppCollection.Name)]
public sealed class BrowserSignInTests(BrowserAppFixture fixture)
{
    [Theory]
    [MemberData(nameof(HeadlessChromium.Widths), MemberType = typeof(HeadlessChromium))]
    public async Task Signing_in_with_google_in_a_browser_lands_on_the_page_asked_for_with_the_users_role(string width)
    {
        var email = SignIn.NewEmail("browser.user");
        var (context, page) = await fixture.NewPageAsync(width);
        await using var _ = context;

        await page.GotoAsync(new Uri(fixture.Address, "/inventory").ToString());
        Assert.EndsWith("/login?ReturnUrl=%2Finventory", page.Url);
        await page.SignInWithGoogleAsync(email);
        await page.WaitForURLAsync(url => url.EndsWith("/inventory", StringComparison.Ordinal));

        Assert.Equal($"{email} · Viewer", (await page.TextContentAsync("#signed-in-user"))?.Trim());
        Assert.Equal("Inventory", (await page.TextContentAsync("h1"))?.Trim());
    }

    [Theory]
    [MemberData(nameof(HeadlessChromium.Widths), MemberType = typeof(HeadlessChromium))]
    public async Task Signing_out_ends_the_session(string width)
    {
        var (context, page) = await fixture.NewPageAsync(width);
        await using var _ = context;
        await page.GotoAsync(new Uri(fixture.Address, "/login").ToString());
        await page.SignInWithGoogleAsync(SignIn.NewEmail("leaving.soon"));
        await page.WaitForURLAsync(url => url.EndsWith("/dashboard", StringComparison.Ordinal));

        await page.OpenNavigationAsync(); // on a phone, sign-out is in the collapsed menu
        await page.ClickAsync("#sign-out");
        await page.WaitForURLAsync(url => url.Contains("/login", StringComparison.Ordinal));
        await page.GotoAsync(new Uri(fixture.Address, "/dashboard").ToString());

        Assert.Contains("/login", page.Url);
    }
}
