using System.Net;
using System.Text.RegularExpressions;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.Web;

/// <summary>The gateway's Content-Security-Policy allows no inline script or style: no page of the app may rely on any.</summary>
[Collection(WebAppCollection.Name)]
public sealed partial class ProcurementPagesCspTests(WebAppFixture fixture) : IDisposable
{
    private readonly ProcurementUi _ui = new(fixture);

    public void Dispose() => _ui.Dispose();

    [Fact]
    public async Task Every_procurement_page_renders_without_inline_script_style_or_event_handlers()
    {
        var item = await _ui.ItemAsync(ProcurementUi.Unique("SKU"), reorderPoint: 3, reorderQuantity: 6);
        var supplier = await _ui.SupplierAsync(ProcurementUi.Unique("Csp"));
        var supplierItem = await _ui.SupplierItemAsync(supplier.Id, item.Id, unitPrice: 1);
        var submitted = await _ui.SubmittedOrderAsync(supplier.Id, item.Id, quantity: 2, unitPrice: 1);
        using var manager = await _ui.SignInAsync(Roles.Manager);
        var draftPage = await manager.SubmitFormAsync("/purchase-orders/new", "/purchase-orders/new", new Dictionary<string, string>
        {
            ["Input.SupplierId"] = supplier.Id.ToString(),
            ["Input.Lines[0].Sku"] = item.Sku,
            ["Input.Lines[0].Quantity"] = "1",
        });
        var draftPath = draftPage.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.Matches(Html.OrderPath(), draftPath);
        var warehouse = await _ui.WarehouseAsync(ProcurementUi.Unique("CSP"));
        var countPath = (await manager.SubmitFormAsync("/counts", "/counts?handler=Open", new Dictionary<string, string>
        {
            ["Open.LocationId"] = warehouse.Id.ToString(),
            ["Open.IdempotencyKey"] = Guid.NewGuid().ToString(),
        })).RequestMessage!.RequestUri!.AbsolutePath;
        Assert.Matches("^/counts/[0-9a-f-]{36}$", countPath);

        string[] pages =
        [
            "/suppliers", "/suppliers/new", $"/suppliers/{supplier.Id}", $"/suppliers/{supplier.Id}/edit",
            $"/suppliers/{supplier.Id}/items", $"/suppliers/{supplier.Id}/items/{supplierItem.Id}",
            "/purchase-orders", $"/purchase-orders/new?supplierId={supplier.Id}", draftPath, $"{draftPath}/edit",
            $"/purchase-orders/{submitted.Id}", $"/purchase-orders/{submitted.Id}/receive", "/replenishment",
            // The catalog pages, checked here too so one list covers every page of the app.
            "/dashboard", "/inventory", "/inventory?lowStock=true&sort=onHand&dir=desc", "/inventory/new", $"/inventory/{item.Id}",
            $"/inventory/{item.Id}/edit", "/inventory/import", "/locations", "/locations/edit", $"/locations/edit/{warehouse.Id}",
            "/categories", "/categories/edit", "/counts", countPath,
        ];
        foreach (var page in pages)
        {
            var response = await manager.GetAsync(page);
            Assert.True(response.StatusCode == HttpStatusCode.OK && response.RequestMessage!.RequestUri!.PathAndQuery == page,
                $"{page}: {response.StatusCode} at {response.RequestMessage!.RequestUri}");
            var inline = InlineScriptOrStyle().Match(await Html.ReadAsync(response));
            Assert.False(inline.Success, $"{page} has inline code: {inline.Value}");
        }
    }

    // A <script> without src (a type="application/json" data block is data, never run), a <style> element, a style="" attribute or an on*="" handler (as in GatewaySecurityHeaderTests).
    [GeneratedRegex("<script(?![^>]*\\ssrc=)(?![^>]*\\stype=\"application/json\")[^>]*>|<style[\\s>]|\\sstyle\\s*=|\\son[a-z]+\\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScriptOrStyle();
}
