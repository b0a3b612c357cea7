using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;
using Inventory.Tests.Web;
using Microsoft.Playwright;

namespace Inventory.Tests.Browser;

/// <summary>
/// Scan anywhere, in a real browser at desktop and phone width: the header's box opens an item by its barcode and a
/// purchase order by its number (typed, then Enter, as a keyboard-wedge scanner does), names a code nothing has,
/// "/" focuses it; label pages show symbols that decode back to the code. Never a sideways scroll.
/// </summary>
[Collection(BrowserAppCollection.Name)]
public sealed class ScanBrowserTests(BrowserAppFixture fixture)
{
    private static async Task ScanAsync(IPage page, string code)
    {
        await page.FillAsync("#scan-box-code", code);
        await page.PressAsync("#scan-box-code", "Enter");
    }

    private static async Task AssertNoSidewaysScrollAsync(IPage page, string where) =>
        Assert.True(await page.SidewaysOverflowAsync() is not { Length: > 0 } overflow, $"{where}: {await page.SidewaysOverflowAsync()}");

    [Theory]
    [MemberData(nameof(HeadlessChromium.Widths), MemberType = typeof(HeadlessChromium))]
    public async Task The_header_box_opens_an_item_by_barcode_and_an_order_by_number_and_names_an_unknown_code(string width)
    {
        using var catalog = new CatalogUi(fixture);
        using var procurement = new ProcurementUi(fixture);
        var barcode = CatalogUi.Unique("EAN");
        var item = await catalog.ItemAsync(CatalogUi.Unique("SCAN"), barcode: barcode);
        var supplier = await procurement.SupplierAsync(ProcurementUi.Unique("Scan supplier"));
        var order = await procurement.SubmittedOrderAsync(supplier.Id, item.Id, 4, 2m);
        var unknown = CatalogUi.Unique("NONE");
        var (context, page, blocked) = await fixture.SignedInPageAsync(Roles.Viewer, width, "/dashboard");
        await using var _ = context;
        await AssertNoSidewaysScrollAsync(page, "dashboard with the scan box");

        await ScanAsync(page, barcode.ToLowerInvariant());
        await page.WaitForURLAsync(url => url.EndsWith($"/inventory/{item.Id}", StringComparison.Ordinal));
        Assert.Contains(item.Sku, await page.InnerTextAsync("h1"));

        await ScanAsync(page, order.Number);
        await page.WaitForURLAsync(url => url.EndsWith($"/purchase-orders/{order.Id}", StringComparison.Ordinal));
        Assert.Contains(order.Number, await page.InnerTextAsync("h1"));

        await ScanAsync(page, unknown);
        await page.WaitForURLAsync(url => url.Contains("/scan?code=", StringComparison.Ordinal));
        Assert.Equal($"No item, location or order has the code {unknown}.", (await page.InnerTextAsync("#scan-nothing")).Trim());
        await AssertNoSidewaysScrollAsync(page, "scan results");
        Assert.Empty(blocked);
    }

    [Theory]
    [MemberData(nameof(HeadlessChromium.Widths), MemberType = typeof(HeadlessChromium))]
    public async Task Slash_focuses_the_scan_box_but_types_a_slash_in_another_field(string width)
    {
        var (context, page, _) = await fixture.SignedInPageAsync(Roles.Viewer, width, "/scan");
        await using var _ = context;

        await page.Locator("h1").ClickAsync();
        await page.Keyboard.PressAsync("/");
        Assert.Equal("scan-box-code", await page.EvaluateAsync<string>("document.activeElement.id"));
        Assert.Equal("", await page.InputValueAsync("#scan-box-code"));

        await page.FocusAsync("#scan-page-code");
        await page.Keyboard.PressAsync("/");
        Assert.Equal("scan-page-code", await page.EvaluateAsync<string>("document.activeElement.id"));
        Assert.Equal("/", await page.InputValueAsync("#scan-page-code"));
        // Headless Chromium has the camera API, so the camera button is offered.
        Assert.True(await page.IsVisibleAsync("#scan-camera"));
    }

    [Theory]
    [MemberData(nameof(HeadlessChromium.Widths), MemberType = typeof(HeadlessChromium))]
    public async Task A_label_sheet_shows_symbols_that_decode_to_the_codes_without_sideways_scrolling(string width)
    {
        using var catalog = new CatalogUi(fixture);
        var warehouse = await catalog.WarehouseAsync(CatalogUi.Unique("WH"));
        var bin = await catalog.BinAsync(CatalogUi.Unique("BIN"), warehouse.Id);
        var barcode = CatalogUi.Unique("EAN");
        var item = await catalog.ItemAsync(CatalogUi.Unique("LBL"), barcode: barcode);
        var (context, page, blocked) = await fixture.SignedInPageAsync(Roles.Viewer, width, $"/inventory/{item.Id}");
        await using var _ = context;

        await page.ClickAsync("#print-label");
        await page.WaitForURLAsync(url => url.Contains("/labels/items", StringComparison.Ordinal));
        var itemSymbol = await page.Locator(".label svg.label-barcode").First.EvaluateAsync<string>("svg => svg.outerHTML");
        Assert.Equal(barcode, SvgBarcode.Decode(itemSymbol));
        Assert.True(await page.Locator(".label svg.label-barcode").First.BoundingBoxAsync() is { Width: > 150, Height: > 30 });
        await AssertNoSidewaysScrollAsync(page, "item labels");

        await page.GotoAsync(new Uri(fixture.Address, $"/labels/locations?ids={warehouse.Id},{bin.Id}&layout=roll").ToString());
        var symbols = await page.Locator(".label svg.label-barcode").EvaluateAllAsync<string[]>("svgs => svgs.map(s => s.outerHTML)");
        Assert.Equal([warehouse.Code, bin.Code], symbols.Select(SvgBarcode.Decode));
        await AssertNoSidewaysScrollAsync(page, "location labels");
        Assert.Empty(blocked);
    }
}
