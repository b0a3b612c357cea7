using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.Web;

/// <summary>The replenishment page over the catalog's low-stock list and the procurement service's suggestions.</summary>
[Collection(WebAppCollection.Name)]
public sealed class ReplenishmentPageTests(WebAppFixture fixture) : IDisposable
{
    private readonly ProcurementUi _ui = new(fixture);

    public void Dispose() => _ui.Dispose();

    [Fact]
    public async Task A_low_stock_item_is_suggested_under_its_supplier_and_ordering_it_creates_a_draft_and_names_what_was_skipped()
    {
        // No stock at all, reorder point 10: low. Ordered up to reorder point + reorder quantity: 10 + 25.
        var low = await _ui.ItemAsync(ProcurementUi.Unique("LOW"), reorderPoint: 10, reorderQuantity: 25);
        var orphan = await _ui.ItemAsync(ProcurementUi.Unique("ORPHAN"), reorderPoint: 5, reorderQuantity: 5);
        var supplier = await _ui.SupplierAsync(ProcurementUi.Unique("Restock"));
        await _ui.SupplierItemAsync(supplier.Id, low.Id, unitPrice: 3m);
        using var manager = await _ui.SignInAsync(Roles.Manager);

        var page = await Html.ReadAsync(await manager.GetAsync("/replenishment"));
        var start = page.IndexOf($"data-supplier-id=\"{supplier.Id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "the supplier has a group");
        var row = Html.Row(page[start..page.IndexOf("</section>", start, StringComparison.Ordinal)], low.Sku);
        Assert.True(row.Length > 0, "the item is listed under its supplier");
        Assert.Equal(("0", "0", "10"), (Html.Cell(row, "onHand"), Html.Cell(row, "onOrder"), Html.Cell(row, "reorderPoint")));
        Assert.Equal("35 each", Html.Cell(row, "suggested"));
        Assert.Equal("3.00 EUR", Html.Cell(row, "unitPrice")); // in the currency the supplier bills in
        Assert.Contains($"value=\"{low.Id}\"", row);

        var result = await manager.SubmitFormAsync("/replenishment", "/replenishment", new Dictionary<string, string>
        {
            ["ItemIds[0]"] = low.Id.ToString(),
            ["ItemIds[1]"] = orphan.Id.ToString(),
        });

        var after = Html.Decode(await Html.ReadAsync(result));
        Assert.Contains("id=\"created-drafts\"", after);
        Assert.Contains($"href=\"/inventory/{orphan.Id}\">{orphan.Sku}</a>: No supplier sells {orphan.Sku}.", after);
        var draft = Assert.Single(await _ui.OrdersOfAsync(supplier.Id));
        Assert.Contains($"href=\"/purchase-orders/{draft.Id}\">{draft.Number}</a>", after);
        var order = await _ui.OrderAsync(draft.Id);
        Assert.Equal("Draft", order.Status);
        Assert.Equal([(low.Id, 35m, 3m)], order.Lines.Select(l => (l.ItemId, l.QuantityOrdered, l.UnitPrice)));
        // Now on order, the item is no longer suggested.
        Assert.DoesNotContain($"data-sku=\"{low.Sku}\"", after);
    }

    [Fact]
    public async Task A_viewer_sees_the_suggestions_without_the_means_to_order_them()
    {
        var low = await _ui.ItemAsync(ProcurementUi.Unique("LOW"), reorderPoint: 4, reorderQuantity: 8);
        using var viewer = await _ui.SignInAsync(Roles.Viewer);

        var page = await Html.ReadAsync(await viewer.GetAsync("/replenishment"));

        Assert.Contains($"data-sku=\"{low.Sku}\"", page);
        Assert.False(Html.HasId(page, "create-drafts"));
        Assert.DoesNotContain("name=\"ItemIds\"", page);
    }
}
