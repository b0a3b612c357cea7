using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;
using Inventory.Tests.Web;
using Microsoft.Playwright;

namespace Inventory.Tests.Browser;

/// <summary>
/// An Admin walks through every page of the app in a real browser, at desktop and phone width, over a small but
/// complete data set (a category, a warehouse with a bin, an item with stock, a supplier with a price, a submitted
/// order, an open count). Each page answers 200 with its heading, never scrolls sideways, and — through the
/// fixture's audit — has no serious or critical axe-core violation; its screenshot is saved as a test artifact.
/// </summary>
[Collection(BrowserAppCollection.Name)]
public sealed class PageTourTests(BrowserAppFixture fixture)
{
    [Theory]
    [MemberData(nameof(HeadlessChromium.Widths), MemberType = typeof(HeadlessChromium))]
    public async Task Every_page_answers_with_its_heading_without_sideways_scrolling_or_accessibility_violations(string width)
    {
        var pages = await PagesOfAsync();
        var (context, page, blocked) = await fixture.SignedInPageAsync(Roles.Admin, width, "/dashboard");
        await using var _ = context;

        var problems = new List<string>();
        foreach (var path in pages)
        {
            var response = await page.GotoAsync(new Uri(fixture.Address, path).ToString());
            await page.WaitForLoadStateAsync(LoadState.Load);
            if (response?.Status != 200)
                problems.Add($"{path}: HTTP {response?.Status}");
            else if (await page.Locator("h1").CountAsync() != 1)
                problems.Add($"{path}: {await page.Locator("h1").CountAsync()} h1 headings");
            else if (await page.SidewaysOverflowAsync() is { Length: > 0 } overflow)
                problems.Add($"{path}: scrolls sideways, {overflow}");
            await context.Audit.SettleAsync(); // let the audit read this page before the next one replaces it
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.Empty(blocked);
    }

    private async Task<List<string>> PagesOfAsync()
    {
        using var catalog = new CatalogUi(fixture);
        using var procurement = new ProcurementUi(fixture);
        var category = await catalog.CategoryAsync(CatalogUi.Unique("Tour"));
        var warehouse = await catalog.WarehouseAsync(CatalogUi.Unique("WH"));
        var bin = await catalog.BinAsync(CatalogUi.Unique("BIN"), warehouse.Id);
        var item = await catalog.ItemAsync(CatalogUi.Unique("TOUR"), unitCost: 2.5m, categoryId: category.Id, reorderPoint: 50);
        await catalog.ReceiveAsync(item.Id, bin.Id, 12);
        var supplier = await procurement.SupplierAsync(ProcurementUi.Unique("Tour supplier"));
        var supplierItem = await procurement.SupplierItemAsync(supplier.Id, item.Id, 2.25m);
        var order = await procurement.SubmittedOrderAsync(supplier.Id, item.Id, 30, 2.25m);
        var count = await OpenCountAsync(bin.Id);

        return
        [
            "/dashboard", "/inventory", "/inventory/new", $"/inventory/{item.Id}", $"/inventory/{item.Id}/edit", "/inventory/import",
            "/movements", $"/movements?item={item.Sku}", "/categories", "/categories/edit", $"/categories/edit/{category.Id}",
            "/locations", "/locations/edit", $"/locations/edit/{bin.Id}", "/counts", count,
            "/suppliers", "/suppliers/new", $"/suppliers/{supplier.Id}", $"/suppliers/{supplier.Id}/edit",
            $"/suppliers/{supplier.Id}/items", $"/suppliers/{supplier.Id}/items/{supplierItem.Id}",
            "/purchase-orders", "/purchase-orders/new", $"/purchase-orders/{order.Id}", $"/purchase-orders/{order.Id}/receive",
            $"/purchase-orders/{order.Id}/print", "/replenishment", "/admin/users", "/admin/settings",
            "/scan", $"/scan?code={CatalogUi.Unique("NONE")}", $"/scan?code={item.Sku[..6]}", $"/labels/items?ids={item.Id}",
            $"/labels/locations?ids={warehouse.Id},{bin.Id}", $"/labels/locations?under={warehouse.Id}&layout=roll",
            "/floor", "/floor/lookup", "/floor/receive", $"/floor/receive?orderId={order.Id}", $"/floor/receive?orderId={order.Id}&locationId={bin.Id}",
            // Floor mode's stock flows, empty and at their second step (a source or location chosen, the open count).
            "/floor/move", $"/floor/move?fromLocationId={bin.Id}", "/floor/pick", $"/floor/pick?locationId={bin.Id}",
            "/floor/count", $"/floor/count?countId={count["/counts/".Length..]}",
        ];
    }

    private async Task<string> OpenCountAsync(Guid locationId)
    {
        using var clerk = await SignIn.NewPersonAsync(fixture.Address, Roles.Clerk);
        var opened = await clerk.SubmitFormAsync("/counts", "/counts?handler=Open", new Dictionary<string, string>
        {
            ["Open.LocationId"] = locationId.ToString(),
            ["Open.Blind"] = "false",
            ["Open.IdempotencyKey"] = Guid.NewGuid().ToString(),
        });
        return opened.RequestMessage!.RequestUri!.AbsolutePath;
    }
}
