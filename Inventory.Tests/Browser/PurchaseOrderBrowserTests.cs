using Inventory.Tests.Web;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.Browser;

/// <summary>A manager in a real browser (headless Chromium, through the gateway and its Content-Security-Policy) drafts and submits an order.</summary>
[Collection(BrowserAppCollection.Name)]
public sealed class PurchaseOrderBrowserTests(BrowserAppFixture fixture)
{
    [Theory]
    [MemberData(nameof(HeadlessChromium.Widths), MemberType = typeof(HeadlessChromium))]
    public async Task A_manager_drafts_an_order_in_the_browser_form_adds_a_line_in_place_and_submits_it(string width)
    {
        using var ui = new ProcurementUi(fixture);
        var priced = await ui.ItemAsync(ProcurementUi.Unique("SKU"));
        var extra = await ui.ItemAsync(ProcurementUi.Unique("SKU"));
        var supplier = await ui.SupplierAsync(ProcurementUi.Unique("Browser"));
        await ui.SupplierItemAsync(supplier.Id, priced.Id, unitPrice: 5m);
        var (context, page, blocked) = await fixture.SignedInPageAsync(Roles.Manager, width, "/purchase-orders/new");
        await using var _ = context;

        // Choosing the supplier reloads the form with its items and prices (site.js submits the refresh).
        await context.Audit.SettleAsync();
        await page.ChooseAsync("Input_SupplierId", supplier.Name, supplier.Id);
        await page.WaitForURLAsync(url => url.Contains("handler=Refresh", StringComparison.Ordinal));
        Assert.Contains(priced.Sku, await page.TextContentAsync("#supplier-prices"));
        await page.FillAsync("[name='Input.Lines[0].Sku']", priced.Sku);
        await page.FillAsync("[name='Input.Lines[0].Quantity']", "7");
        var rows = page.Locator("#order-lines tbody tr");
        var before = await rows.CountAsync();
        await page.ClickAsync("#add-lines");
        Assert.Equal(before + 1, await rows.CountAsync()); // added in place: a post-back would add five
        await page.FillAsync($"[name='Input.Lines[{before}].Sku']", extra.Sku);
        await page.FillAsync($"[name='Input.Lines[{before}].Quantity']", "2");
        await page.FillAsync($"[name='Input.Lines[{before}].UnitPrice']", "1.5");
        await page.ClickAsync("#save");
        await page.WaitForSelectorAsync("#po-status [data-status='Draft']");
        var orderId = Guid.Parse(page.Url[(page.Url.LastIndexOf('/') + 1)..]);
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync(); // "Submit … to …?" — yes
        await page.ClickAsync("#submit-order");
        await page.WaitForSelectorAsync("#po-status [data-status='Submitted']");

        Assert.Equal($"{(await ui.OrderAsync(orderId)).Number} submitted.", (await page.TextContentAsync("#flash"))?.Trim());
        var order = await ui.OrderAsync(orderId);
        Assert.Equal("Submitted", order.Status);
        Assert.Equal(supplier.Id, order.SupplierId);
        Assert.Equal([(priced.Id, 7m, 5m), (extra.Id, 2m, 1.5m)], order.Lines.Select(l => (l.ItemId, l.QuantityOrdered, l.UnitPrice)));
        Assert.Empty(blocked);
    }
}
