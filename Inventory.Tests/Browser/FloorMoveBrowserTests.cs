using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;
using Inventory.Tests.Web;
using Microsoft.Playwright;

namespace Inventory.Tests.Browser;

/// <summary>
/// Put away / move on the floor, in a real browser at desktop and phone (390 × 844) width, the scanner simulated as
/// typed characters and Enter: a Clerk scans the source bin, two items (one with a typed quantity, one scanned twice),
/// the destination bin, and moves; the item pages then show both bins' new quantities. Never a sideways scroll.
/// </summary>
[Collection(BrowserAppCollection.Name)]
public sealed class FloorMoveBrowserTests(BrowserAppFixture fixture)
{
    [Theory]
    [MemberData(nameof(HeadlessChromium.Widths), MemberType = typeof(HeadlessChromium))]
    public async Task A_clerk_puts_away_between_two_bins_by_scans_and_both_bins_show_the_new_quantities(string width)
    {
        using var catalog = new CatalogUi(fixture);
        var warehouse = await catalog.WarehouseAsync(CatalogUi.Unique("FMWH"));
        var source = await catalog.BinAsync(CatalogUi.Unique("FMA"), warehouse.Id);
        var destination = await catalog.BinAsync(CatalogUi.Unique("FMB"), warehouse.Id);
        var barcode = CatalogUi.Unique("EAN");
        var bolts = await catalog.ItemAsync(CatalogUi.Unique("FMBOLT"), barcode: barcode);
        var nuts = await catalog.ItemAsync(CatalogUi.Unique("FMNUT"));
        await catalog.ReceiveAsync(bolts.Id, source.Id, 10);
        await catalog.ReceiveAsync(nuts.Id, source.Id, 4);
        var (context, page, blocked) = await fixture.SignedInPageAsync(Roles.Clerk, width, "/floor/move");
        await using var _ = context;
        await FloorBrowser.AssertNoSidewaysScrollAsync(page, "move, first step");

        await FloorBrowser.ScanAsync(page, source.Code);
        Assert.Contains($"Moving from {warehouse.Code} / {source.Code}", await FloorBrowser.FeedbackAsync(page));
        await page.FillAsync("#floor-quantity", "3");
        await page.FocusAsync("#floor-code");
        await FloorBrowser.ScanAsync(page, barcode);
        await FloorBrowser.ScanAsync(page, nuts.Sku);
        await FloorBrowser.ScanAsync(page, nuts.Sku);
        Assert.Contains($"{source.Code} holds 10", await page.InnerTextAsync($"#floor-lines li[data-sku='{bolts.Sku}']"));
        Assert.Equal("2", await page.InputValueAsync("#floor-line-1-quantity"));
        await FloorBrowser.AssertNoSidewaysScrollAsync(page, "move with two lines");

        await FloorBrowser.ScanAsync(page, destination.Code);
        Assert.Contains($"To {warehouse.Code} / {destination.Code}", await FloorBrowser.FeedbackAsync(page));
        await FloorBrowser.AssertNoSidewaysScrollAsync(page, "move with its destination");
        await FloorBrowser.ClickAsync(page, "#floor-post");

        Assert.Contains($"Moved from {source.Code} to {destination.Code}: {bolts.Sku} × 3, {nuts.Sku} × 2.", await page.InnerTextAsync("#flash"));
        Assert.Contains(source.Code, await page.InnerTextAsync("#floor-move-from")); // the next batch starts at the same source
        Assert.Equal(0, await page.Locator("#floor-lines").CountAsync());
        await FloorBrowser.AssertNoSidewaysScrollAsync(page, "move done");
        await context.Audit.SettleAsync();

        Assert.Equal(("7", "3"), await BinsAsync(page, bolts.Id, source.Code, destination.Code));
        Assert.Equal(("2", "2"), await BinsAsync(page, nuts.Id, source.Code, destination.Code));
        Assert.Empty(blocked);
    }

    private async Task<(string, string)> BinsAsync(IPage page, Guid itemId, string first, string second) =>
        (await FloorBrowser.OnHandAsync(page, fixture.Address, itemId, first), await FloorBrowser.OnHandAsync(page, fixture.Address, itemId, second));
}
