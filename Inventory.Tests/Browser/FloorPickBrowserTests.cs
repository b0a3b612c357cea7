using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;
using Inventory.Tests.Web;
using Microsoft.Playwright;

namespace Inventory.Tests.Browser;

/// <summary>
/// Pick / issue on the floor, in a real browser at desktop and phone (390 × 844) width, the scanner simulated as typed
/// characters and Enter: a Clerk scans a bin and two items, one for more than the bin holds, with an order number as
/// reference, and issues. The catalog refuses that line — the page keeps it, naming what is available — and books the
/// other, whose stock the item page shows fallen. Never a sideways scroll.
/// </summary>
[Collection(BrowserAppCollection.Name)]
public sealed class FloorPickBrowserTests(BrowserAppFixture fixture)
{
    [Theory]
    [MemberData(nameof(HeadlessChromium.Widths), MemberType = typeof(HeadlessChromium))]
    public async Task A_pick_with_one_line_over_the_stock_books_the_other_and_names_what_is_available(string width)
    {
        using var catalog = new CatalogUi(fixture);
        var warehouse = await catalog.WarehouseAsync(CatalogUi.Unique("FPWH"));
        var bin = await catalog.BinAsync(CatalogUi.Unique("FPA"), warehouse.Id);
        var barcode = CatalogUi.Unique("EAN");
        var gloves = await catalog.ItemAsync(CatalogUi.Unique("FPGLOVE"), barcode: barcode);
        var masks = await catalog.ItemAsync(CatalogUi.Unique("FPMASK"));
        await catalog.ReceiveAsync(gloves.Id, bin.Id, 5);
        await catalog.ReceiveAsync(masks.Id, bin.Id, 2);
        var order = CatalogUi.Unique("SO");
        var (context, page, blocked) = await fixture.SignedInPageAsync(Roles.Clerk, width, "/floor/pick");
        await using var _ = context;
        await FloorBrowser.AssertNoSidewaysScrollAsync(page, "pick, first step");

        await FloorBrowser.ScanAsync(page, bin.Code);
        Assert.Contains($"Picking from {warehouse.Code} / {bin.Code}", await FloorBrowser.FeedbackAsync(page));
        await page.FillAsync("#floor-quantity", "4");
        await page.FocusAsync("#floor-code");
        await FloorBrowser.ScanAsync(page, barcode);
        await page.FillAsync("#floor-quantity", "3");
        await page.FocusAsync("#floor-code");
        await FloorBrowser.ScanAsync(page, masks.Sku);
        var maskLine = $"#floor-lines li[data-sku='{masks.Sku}']";
        Assert.Contains($"{bin.Code} holds 2", await page.InnerTextAsync(maskLine));
        Assert.Contains("More than the 2", await page.InnerTextAsync(maskLine)); // said before confirming
        await page.FillAsync("#Reference", order);
        await FloorBrowser.AssertNoSidewaysScrollAsync(page, "pick with two lines");
        await FloorBrowser.ClickAsync(page, "#floor-post");

        Assert.Contains("1 line was not issued", await FloorBrowser.FeedbackAsync(page));
        Assert.Contains($"Only 2 each of {masks.Sku} available at {bin.Code}; 3 requested.", await page.InnerTextAsync(maskLine));
        Assert.Equal(1, await page.Locator("#floor-lines li").CountAsync());
        Assert.Contains(gloves.Sku, await page.InnerTextAsync("#floor-booked"));
        Assert.Equal(order, await page.InputValueAsync("#Reference"));
        await FloorBrowser.AssertNoSidewaysScrollAsync(page, "pick refused in part");
        await context.Audit.SettleAsync();

        Assert.Equal("1", await OnHandAsync(page, gloves.Id, bin.Code));
        Assert.Equal("2", await OnHandAsync(page, masks.Id, bin.Code));
        await page.GotoAsync(new Uri(fixture.Address, $"/movements?item={gloves.Sku}").ToString());
        Assert.Contains(order, await page.InnerTextAsync("main"));
        Assert.Empty(blocked);
    }

    private Task<string> OnHandAsync(IPage page, Guid itemId, string locationCode) => FloorBrowser.OnHandAsync(page, fixture.Address, itemId, locationCode);
}
