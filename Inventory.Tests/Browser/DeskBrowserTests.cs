using System.Globalization;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;
using Inventory.Tests.Web;
using Microsoft.Playwright;

namespace Inventory.Tests.Browser;

/// <summary>The desk in a real browser, at desktop and phone width: times in the user's own zone, and a deactivation asked for first.</summary>
[Collection(BrowserAppCollection.Name)]
public sealed class DeskBrowserTests(BrowserAppFixture fixture)
{
    [Theory]
    [MemberData(nameof(HeadlessChromium.Widths), MemberType = typeof(HeadlessChromium))]
    public async Task Times_show_in_the_zone_the_browser_reports_with_utc_in_the_title(string width)
    {
        using var ui = new CatalogUi(fixture);
        var item = await ui.ItemAsync(CatalogUi.Unique("ZONE"));
        var email = SignIn.NewEmail("browser-zone");
        (await SignIn.AsAsync(fixture.Address, email, Roles.Viewer)).Dispose();

        var (context, page) = await fixture.NewPageAsync(width, "Asia/Kolkata"); // +05:30 all year
        await using var _ = context;
        var blocked = page.CspViolations();
        await page.GotoAsync(new Uri(fixture.Address, "/dashboard").ToString());
        // The first page after sign-in reports the zone once (time-zone.js); every later page renders in it.
        var reported = page.WaitForResponseAsync(r => r.Url.EndsWith("/account/time-zone", StringComparison.Ordinal));
        await page.SignInWithGoogleAsync(email);
        Assert.Equal(204, (await reported).Status);
        await page.GotoAsync(new Uri(fixture.Address, $"/inventory/{item.Id}").ToString());

        var changed = page.Locator("dt:has-text('Changed') + dd time");
        var utc = item.UpdatedAt.UtcDateTime;
        Assert.Equal(utc.AddHours(5.5).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), (await changed.TextContentAsync())?.Trim());
        Assert.Equal(utc.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture), await changed.GetAttributeAsync("title"));
        Assert.Equal(utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), await changed.GetAttributeAsync("datetime"));
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= document.documentElement.clientWidth"));
        Assert.Empty(blocked);
    }

    [Theory]
    [MemberData(nameof(HeadlessChromium.Widths), MemberType = typeof(HeadlessChromium))]
    public async Task Deactivating_a_user_asks_first_and_a_no_changes_nothing(string width)
    {
        var target = SignIn.NewEmail("browser-deactivate");
        (await SignIn.AsAsync(fixture.Address, target)).Dispose();

        var (context, page) = await fixture.NewPageAsync(width);
        await using var _ = context;
        var blocked = page.CspViolations();
        var questions = new List<string>();
        var answer = false;
        page.Dialog += async (_, dialog) =>
        {
            questions.Add(dialog.Message);
            await (answer ? dialog.AcceptAsync() : dialog.DismissAsync());
        };
        var list = new Uri(fixture.Address, $"/admin/users?search={Uri.EscapeDataString(target)}").ToString();
        await page.GotoAsync(list);
        await page.SignInWithGoogleAsync(SignIn.AdminEmail);
        await page.WaitForURLAsync(url => url.Contains("/admin/users", StringComparison.Ordinal));
        var row = page.Locator($"tr[data-email='{target}']");

        await row.Locator("button:has-text('Deactivate')").ClickAsync();
        Assert.Equal(1, await row.Locator("button:has-text('Deactivate')").CountAsync()); // "no": still active, nothing sent

        answer = true;
        await page.RunAndWaitForResponseAsync(() => row.Locator("button:has-text('Deactivate')").ClickAsync(),
            r => r.Url.Contains("handler=Active", StringComparison.Ordinal));

        Assert.Equal(2, questions.Count);
        Assert.All(questions, q => Assert.StartsWith($"Deactivate {target}?", q));
        await Assertions.Expect(row.Locator("button:has-text('Activate')")).ToBeVisibleAsync();
        Assert.Contains("Deactivated", await row.InnerTextAsync());
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= document.documentElement.clientWidth"));
        Assert.Empty(blocked);
    }
}
