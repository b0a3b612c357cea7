using Inventory.Tests.Web;
using Inventory.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Inventory.Tests.Browser;

/// <summary>A person in a real browser signs in with "Google" (the fake provider) through the gateway.</summary>
[Collection(AppHostCollection.Name)]
public sealed class BrowserSignInTests(AppHostFixture fixture) : BrowserTest
{
    [Fact]
    public async Task Signing_in_with_google_in_a_browser_lands_on_the_page_asked_for_with_the_users_role()
    {
        var page = await Chromium.NewPageAsync();

        await page.GotoAsync(new Uri(fixture.GatewayUrl, "/inventory").ToString());
        Assert.EndsWith("/login?ReturnUrl=%2Finventory", page.Url);
        await page.ClickAsync("#google-sign-in");
        await page.FillAsync("#email", "browser.user@example.test");
        await page.ClickAsync("#continue");
        await page.WaitForURLAsync(url => url.EndsWith("/inventory", StringComparison.Ordinal));

        Assert.Equal("browser.user@example.test · Viewer", (await page.TextContentAsync("#signed-in-user"))?.Trim());
        Assert.Equal("Inventory", (await page.TextContentAsync("h1"))?.Trim());
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var page = await Chromium.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.GatewayUrl, "/login").ToString());
        await page.ClickAsync("#google-sign-in");
        await page.FillAsync("#email", "leaving.soon@example.test");
        await page.ClickAsync("#continue");
        await page.WaitForURLAsync(url => url.EndsWith("/dashboard", StringComparison.Ordinal));

        await page.ClickAsync("#sign-out");
        await page.WaitForURLAsync(url => url.Contains("/login", StringComparison.Ordinal));
        await page.GotoAsync(new Uri(fixture.GatewayUrl, "/dashboard").ToString());

        Assert.Contains("/login", page.Url);
    }
}
