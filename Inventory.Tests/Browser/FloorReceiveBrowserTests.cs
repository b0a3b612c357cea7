using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;
using Inventory.Tests.Web;
using static Inventory.Tests.Browser.FloorBrowser;

namespace Inventory.Tests.Browser;

/// <summary>
/// Receiving on the floor in a real browser (desktop and 390 × 844), the scanner simulated as typed characters and
/// Enter: a Clerk opens a submitted order by its number, scans the bin, scans the item (once, then with a typed
/// quantity), is told about an unknown code and an item not on the order, posts; then finishes the order with
/// "Receive all remaining" after seeing an over-receipt warning. The stock is checked through the floor look-up.
/// </summary>
[Collection(BrowserAppCollection.Name)]
public sealed class FloorReceiveBrowserTests(BrowserAppFixture fixture)
{
    [Theory]
    [MemberData(nameof(HeadlessChromium.Widths), MemberType = typeof(HeadlessChromium))]
    public async Task A_clerk_receives_an_order_partly_by_scans_then_all_remaining_and_the_stock_rises_by_exactly_that(string width)
    {
        using var catalog = new CatalogUi(fixture);
        using var procurement = new ProcurementUi(fixture);
        var warehouse = await catalog.WarehouseAsync(CatalogUi.Unique("RCWH"));
        var bin = await catalog.BinAsync(CatalogUi.Unique("RCBIN"), warehouse.Id);
        var barcode = CatalogUi.Unique("EAN");
        var item = await catalog.ItemAsync(CatalogUi.Unique("RECV"), barcode: barcode);
        var stranger = await catalog.ItemAsync(CatalogUi.Unique("STRAY"));
        var supplier = await procurement.SupplierAsync(ProcurementUi.Unique("Floor supplier"));
        var order = await procurement.SubmittedOrderAsync(supplier.Id, item.Id, 5, 2m);
        var unknown = CatalogUi.Unique("NONE");

        var (context, page, blocked) = await fixture.SignedInPageAsync(Roles.Clerk, width, "/floor/receive");
        await using var _ = context;
        Assert.Equal(1, await page.Locator($"#floor-open-orders [data-order-id='{order.Id}']").CountAsync());
        await AssertNoSidewaysScrollAsync(page, "choosing an order");

        await ScanAsync(page, order.Number);
        Assert.Contains(order.Number, await page.InnerTextAsync("h1"));
        await AssertNoSidewaysScrollAsync(page, "choosing the location");
        await context.Audit.SettleAsync();

        await ScanAsync(page, bin.Barcode);
        Assert.Contains(bin.Code, await page.InnerTextAsync("#floor-receive-location"));
        await ScanAsync(page, barcode);
        Assert.Equal("1", await page.InputValueAsync("#floor-line-0-quantity"));
        await page.FillAsync("#floor-quantity", "2");
        await page.FocusAsync("#floor-code");
        await ScanAsync(page, barcode);
        Assert.Equal("success", await page.GetAttributeAsync("#floor-feedback", "data-floor-vibrate"));
        Assert.Equal("3", await page.InputValueAsync("#floor-line-0-quantity"));
        Assert.Equal("1", await page.InputValueAsync("#floor-quantity")); // the typed quantity was for one scan

        await ScanAsync(page, unknown);
        Assert.Equal($"No item has the code {unknown}.", (await page.InnerTextAsync("#floor-feedback-error .floor-feedback-text")).Trim());
        await ScanAsync(page, stranger.Sku);
        Assert.Contains($"{stranger.Sku} · {stranger.Name}) is not on {order.Number}.", await page.InnerTextAsync("#floor-feedback-error"));
        Assert.Equal(1, await page.Locator("#floor-lines > li").CountAsync());
        Assert.Equal("3", await page.InputValueAsync("#floor-line-0-quantity"));
        await AssertNoSidewaysScrollAsync(page, "scanning items");
        await context.Audit.SettleAsync();

        await ClickAsync(page, "#floor-post");
        Assert.Equal($"Posted a receipt of 1 line on {order.Number}.", (await page.InnerTextAsync("#flash")).Trim());
        Assert.Equal("3", await page.GetAttributeAsync("#floor-order-lines li", "data-received"));
        Assert.Equal("2", await page.GetAttributeAsync("#floor-order-lines li", "data-remaining"));
        Assert.Equal(1, await page.Locator("#floor-receipt li").CountAsync());
        await AssertNoSidewaysScrollAsync(page, "a receipt posted");
        await context.Audit.SettleAsync();

        // Still receiving into the bin: three more would be one too many, and the page says so before posting.
        await page.FillAsync("#floor-quantity", "3");
        await page.FocusAsync("#floor-code");
        await ScanAsync(page, barcode);
        Assert.Contains("Over-receipt: 1 more than the 2 remaining.", await page.InnerTextAsync("#floor-line-0"));
        await ClickAsync(page, "#floor-order-lines button");
        Assert.Equal("2", await page.InputValueAsync("#floor-line-0-quantity"));
        Assert.Equal(0, await page.Locator("#floor-line-0 .floor-line-warn").CountAsync());
        await ClickAsync(page, "#floor-post");
        Assert.Contains("received", await page.InnerTextAsync("#floor-order-done"));
        Assert.Equal("5", await page.GetAttributeAsync("#floor-order-lines li", "data-received"));
        Assert.Equal("0", await page.GetAttributeAsync("#floor-order-lines li", "data-remaining"));
        await AssertNoSidewaysScrollAsync(page, "the order received");
        await context.Audit.SettleAsync();

        // Procurement posts to the catalog in the background: once both receipts are posted, the stock is 3 + 2.
        Assert.Equal([3m, 2m], (await procurement.WaitForPostingStateAsync(order.Id, "Posted")).Select(l => l.Quantity).OrderDescending());
        Assert.Equal("Received", (await procurement.OrderAsync(order.Id)).Status);
        await page.GotoAsync(new Uri(fixture.Address, "/floor/lookup").ToString());
        await ScanAsync(page, barcode);
        Assert.Equal("5", (await page.InnerTextAsync($"#lookup-item-stock [data-location-id='{bin.Id}'] .lookup-quantity")).Trim());
        Assert.Equal("5", (await page.InnerTextAsync("#lookup-item-on-hand")).Trim());
        Assert.Equal(0, (await procurement.StockAsync(stranger.Id)).Stock.Values.Sum());
        Assert.Empty(blocked);
    }
}
