using Inventory.ProcurementService.Catalog;
using Inventory.ProcurementService.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Inventory.ProcurementService.PurchaseOrders;

/// <summary>
/// Turns requested lines into order lines: each item must exist in the catalog and be active; its SKU and
/// name are copied; a missing unit price defaults to the supplier's price for the item. The problem is a 400 naming
/// the lines at fault, or a 503 when the catalog cannot be asked.
/// </summary>
public sealed class PurchaseOrderLineBuilder(ProcurementDbContext db, CatalogLookupClient catalog)
{
    public async Task<(List<PurchaseOrderLine> Lines, ProblemHttpResult? Problem)> BuildAsync(
        Guid orderId, Guid supplierId, IReadOnlyList<PurchaseOrderLineRequest> requests, CancellationToken ct)
    {
        var itemIds = requests.Select(r => r.ItemId!.Value).ToList();
        var prices = await db.SupplierItems.AsNoTracking()
            .Where(i => i.SupplierId == supplierId && itemIds.Contains(i.ItemId))
            .ToDictionaryAsync(i => i.ItemId, i => i.UnitPrice, ct);
        Dictionary<Guid, CatalogItem?> items;
        try
        {
            items = await catalog.GetItemsAsync(itemIds, ct);
        }
        catch (CatalogUnavailableException)
        {
            return ([], Problems.Unavailable("catalog service"));
        }

        var errors = new Dictionary<string, string[]>();
        var lines = new List<PurchaseOrderLine>();
        for (var i = 0; i < requests.Count; i++)
        {
            var request = requests[i];
            var item = items[request.ItemId!.Value];
            if (item is null)
            {
                errors[$"lines[{i}].itemId"] = ["No such catalog item."];
                continue;
            }
            if (item.IsArchived)
            {
                errors[$"lines[{i}].itemId"] = [$"Item {item.Sku} is archived and takes no new order lines."];
                continue;
            }
            var price = request.UnitPrice ?? (prices.TryGetValue(item.Id, out var supplierPrice) ? supplierPrice : null);
            if (price is null)
            {
                errors[$"lines[{i}].unitPrice"] = [$"The supplier has no price for {item.Sku}: give a unit price."];
                continue;
            }
            lines.Add(new PurchaseOrderLine
            {
                PurchaseOrderId = orderId,
                LineNumber = i + 1,
                ItemId = item.Id,
                ItemSku = item.Sku,
                Description = item.Name,
                QuantityOrdered = request.Quantity!.Value,
                UnitPrice = price.Value,
            });
        }
        return errors.Count > 0 ? ([], Problems.Invalid(errors)) : (lines, null);
    }
}
