using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;
using Inventory.Tests.Web;
using static Inventory.Tests.Browser.FloorBrowser;

namespace Inventory.Tests.Browser;

/// <summary>
/// Floor look-up in a real browser (desktop and 390 × 844): a Viewer scans an item's barcode and sees its stock per
/// location, scans a bin's barcode and sees what it holds, and an unknown code is named. Never a sideways scroll.
/// </summary>
[Collection(BrowserAppCollection.Name)]
public sealed class FloorLookupBrowserTests(BrowserAppFixture fixture)
{
    [Theory]
    [MemberData(nameof(HeadlessChromium.Widths), MemberType = typeof(HeadlessChromium))]
    public async Task Looking_up_an_item_barcode_and_a_location_barcode_shows_their_quantities(string width)
    {
        using var catalog = new CatalogUi(fixture);
        var warehouse = await catalog.WarehouseAsync(CatalogUi.Unique("LKWH"));
        var bin = await catalog.BinAsync(CatalogUi.Unique("LKBIN"), warehouse.Id);
        var other = await catalog.BinAsync(CatalogUi.Unique("LKBIN"), warehouse.Id);
        var barcode = CatalogUi.Unique("EAN");
        var item = await catalog.ItemAsync(CatalogUi.Unique("LOOK"), barcode: barcode);
        var neighbour = await catalog.ItemAsync(CatalogUi.Unique("LOOK"));
        await catalog.ReceiveAsync(item.Id, bin.Id, 7);
        await catalog.ReceiveAsync(item.Id, other.Id, 3);
        await catalog.ReceiveAsync(neighbour.Id, bin.Id, 11);
        var unknown = CatalogUi.Unique("NONE");

        var (context, page, blocked) = await fixture.SignedInPageAsync(Roles.Viewer, width, "/floor/lookup");
        await using var _ = context;
        await AssertNoSidewaysScrollAsync(page, "look up");

        await ScanAsync(page, barcode);
        Assert.Equal("10", (await page.InnerTextAsync("#lookup-item-on-hand")).Trim());
        Assert.Equal("7", (await page.InnerTextAsync($"#lookup-item-stock [data-location-id='{bin.Id}'] .lookup-quantity")).Trim());
        Assert.Equal("3", (await page.InnerTextAsync($"#lookup-item-stock [data-location-id='{other.Id}'] .lookup-quantity")).Trim());
        Assert.Equal(2, await page.Locator("#lookup-item-movements li").CountAsync()); // the two receipts
        await AssertNoSidewaysScrollAsync(page, "an item looked up");
        await context.Audit.SettleAsync();

        await ScanAsync(page, bin.Code);
        Assert.Equal(0, await page.Locator("#lookup-item").CountAsync());
        Assert.Equal("7", (await page.InnerTextAsync($"#lookup-location-items [data-item-id='{item.Id}'] .lookup-quantity")).Trim());
        Assert.Equal("11", (await page.InnerTextAsync($"#lookup-location-items [data-item-id='{neighbour.Id}'] .lookup-quantity")).Trim());
        Assert.Equal(2, await page.Locator("#lookup-location-items li").CountAsync());
        await AssertNoSidewaysScrollAsync(page, "a location looked up");
        await context.Audit.SettleAsync();

        await ScanAsync(page, unknown);
        Assert.Equal($"No item or location has the code {unknown}.", (await page.InnerTextAsync("#floor-feedback-error .floor-feedback-text")).Trim());
        Assert.Equal("error", await page.GetAttributeAsync("#floor-feedback", "data-floor-vibrate"));
        Assert.Equal(0, await page.Locator("#lookup-location").CountAsync());
        await context.Audit.SettleAsync();
        Assert.Empty(blocked);
    }
}
