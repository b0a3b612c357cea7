using Inventory.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Inventory.Tests.Browser;

/// <summary>
/// What the floor-mode browser tests share (signing in is BrowserAppFixture.SignedInPageAsync): a keyboard-wedge scan (the code's
/// characters typed into the focused scan box, then Enter), and waiting for the page the form posts back.
/// </summary>
public static class FloorBrowser
{
    /// <summary>A scanner's scan: the scan box has the focus (the page gives it), the code is typed, Enter submits.</summary>
    public static async Task ScanAsync(IPage page, string code)
    {
        Assert.Equal("floor-code", await page.EvaluateAsync<string>("document.activeElement.id"));
        await AfterPostAsync(page, async () =>
        {
            await page.Keyboard.TypeAsync(code);
            await page.Keyboard.PressAsync("Enter");
        });
    }

    /// <summary>Clicks a button of the floor form and waits for the page it brings.</summary>
    public static Task ClickAsync(IPage page, string selector) => AfterPostAsync(page, () => page.ClickAsync(selector));

    /// <summary>Runs <paramref name="submit"/> and waits until a new document replaced the current one (a post-back keeps the URL).</summary>
    public static async Task AfterPostAsync(IPage page, Func<Task> submit)
    {
        await page.EvaluateAsync("document.documentElement.dataset.floorOld = '1'");
        await submit();
        await page.WaitForSelectorAsync("html:not([data-floor-old]) #floor-feedback, html:not([data-floor-old]) h1");
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    public static async Task<string> FeedbackAsync(IPage page) => (await page.InnerTextAsync("#floor-feedback")).Trim();

    public static async Task AssertNoSidewaysScrollAsync(IPage page, string where) =>
        Assert.True(await page.SidewaysOverflowAsync() is not { Length: > 0 }, $"{where}: {await page.SidewaysOverflowAsync()}");

    /// <summary>What the item page's "Stock per location" says one location holds of the item (the stock, read through the UI).</summary>
    public static async Task<string> OnHandAsync(IPage page, Uri address, Guid itemId, string locationCode)
    {
        await page.GotoAsync(new Uri(address, $"/inventory/{itemId}").ToString());
        return (await page.InnerTextAsync($"#stock tr[data-location='{locationCode}'] [data-field='onHand']")).Trim();
    }
}
