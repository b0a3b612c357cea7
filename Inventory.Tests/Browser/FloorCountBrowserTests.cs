using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;
using Inventory.Tests.Web;
using Microsoft.Playwright;

namespace Inventory.Tests.Browser;

/// <summary>
/// Count on the floor, in a real browser at desktop and phone (390 × 844) width, the scanner simulated as typed
/// characters and Enter: a Clerk scans a bin, opens a blind count, scans each item to its line and types what was
/// counted (one short of the stock; one item the count did not list), never seeing an expected quantity and offered
/// no "Post"; a Manager posts it from the floor page and sees the variances; the item pages show the counted stock.
/// </summary>
[Collection(BrowserAppCollection.Name)]
public sealed class FloorCountBrowserTests(BrowserAppFixture fixture)
{
    [Theory]
    [MemberData(nameof(HeadlessChromium.Widths), MemberType = typeof(HeadlessChromium))]
    public async Task A_blind_count_with_a_variance_and_an_unlisted_item_posted_by_a_manager_sets_the_counted_stock(string width)
    {
        using var catalog = new CatalogUi(fixture);
        var warehouse = await catalog.WarehouseAsync(CatalogUi.Unique("FCWH"));
        var bin = await catalog.BinAsync(CatalogUi.Unique("FCA"), warehouse.Id);
        var barcode = CatalogUi.Unique("EAN");
        var tape = await catalog.ItemAsync(CatalogUi.Unique("FCTAPE"), barcode: barcode);
        var glue = await catalog.ItemAsync(CatalogUi.Unique("FCGLUE"));
        var found = await catalog.ItemAsync(CatalogUi.Unique("FCFOUND"));
        await catalog.ReceiveAsync(tape.Id, bin.Id, 5);
        await catalog.ReceiveAsync(glue.Id, bin.Id, 3);
        var (context, page, blocked) = await fixture.SignedInPageAsync(Roles.Clerk, width, "/floor/count");
        await using var _ = context;
        await FloorBrowser.AssertNoSidewaysScrollAsync(page, "count, first step");

        await FloorBrowser.ScanAsync(page, bin.Code);
        Assert.Contains($"No count of {bin.Code} is open", await FloorBrowser.FeedbackAsync(page));
        await page.CheckAsync("#floor-count-blind");
        await FloorBrowser.ClickAsync(page, "#floor-open-count");
        Assert.Contains($"Count of {bin.Code} opened with 2 lines.", await page.InnerTextAsync("#flash"));
        var countPage = new Uri(page.Url).PathAndQuery;
        Assert.Contains("countId=", countPage);

        await CountAsync(page, barcode, "4");
        await CountAsync(page, glue.Sku, "3");
        await FloorBrowser.ScanAsync(page, found.Sku);
        Assert.Contains("Not in this count yet", await page.InnerTextAsync("#floor-count-entry"));
        await FloorBrowser.AssertNoSidewaysScrollAsync(page, "count, an item to count");
        await SaveAsync(page, "2");

        Assert.Equal(3, await page.Locator("#floor-count-lines li").CountAsync());
        Assert.Contains("Counted 4 each", await LineAsync(page, tape.Sku));
        Assert.Equal(0, await page.Locator("[data-field='expected'], [data-field='variance'], #floor-count-expected").CountAsync()); // blind
        Assert.Equal(0, await page.Locator("#floor-post-count").CountAsync()); // posting is a Manager's
        await FloorBrowser.AssertNoSidewaysScrollAsync(page, "count, three lines counted");
        await context.Audit.SettleAsync();

        var (managerContext, manager, _) = await fixture.SignedInPageAsync(Roles.Manager, width, countPage);
        await using var __ = managerContext;
        Assert.Equal(0, await manager.Locator("[data-field='variance']").CountAsync()); // still blind before posting
        manager.Dialog += async (_, dialog) => await dialog.AcceptAsync(); // "Post the variances …?" — yes
        await FloorBrowser.ClickAsync(manager, "#floor-post-count");
        Assert.Contains($"Count of {bin.Code} posted.", await manager.InnerTextAsync("#flash"));
        Assert.Equal("Posted", (await manager.InnerTextAsync("#floor-count-status")).Trim());
        Assert.Equal("Variance -1", (await manager.InnerTextAsync($"#floor-count-lines li[data-sku='{tape.Sku}'] [data-field='variance']")).Trim());
        Assert.Equal("Variance 0", (await manager.InnerTextAsync($"#floor-count-lines li[data-sku='{glue.Sku}'] [data-field='variance']")).Trim());
        Assert.Equal("Variance +2", (await manager.InnerTextAsync($"#floor-count-lines li[data-sku='{found.Sku}'] [data-field='variance']")).Trim());
        await FloorBrowser.AssertNoSidewaysScrollAsync(manager, "count posted");
        await managerContext.Audit.SettleAsync();

        Assert.Equal("4", await OnHandAsync(manager, tape.Id, bin.Code));
        Assert.Equal("3", await OnHandAsync(manager, glue.Id, bin.Code));
        Assert.Equal("2", await OnHandAsync(manager, found.Id, bin.Code));
        Assert.Empty(blocked);
    }

    // Scans the item to its line, then types the count on the number pad and presses Enter, as a person would.
    private static async Task CountAsync(IPage page, string code, string counted)
    {
        await FloorBrowser.ScanAsync(page, code);
        await SaveAsync(page, counted);
    }

    private static async Task SaveAsync(IPage page, string counted)
    {
        Assert.Equal("floor-counted", await page.EvaluateAsync<string>("document.activeElement.id"));
        Assert.Equal("decimal", await page.GetAttributeAsync("#floor-counted", "inputmode"));
        await FloorBrowser.AfterPostAsync(page, async () =>
        {
            await page.Keyboard.TypeAsync(counted);
            await page.Keyboard.PressAsync("Enter");
        });
        Assert.Contains($": counted {counted} each.", await page.InnerTextAsync("#flash"));
    }

    private static async Task<string> LineAsync(IPage page, string sku) => await page.InnerTextAsync($"#floor-count-lines li[data-sku='{sku}']");

    private Task<string> OnHandAsync(IPage page, Guid itemId, string locationCode) => FloorBrowser.OnHandAsync(page, fixture.Address, itemId, locationCode);
}
