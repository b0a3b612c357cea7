using Inventory.ProcurementService.Data;
using Inventory.ProcurementService.PurchaseOrders;
using Microsoft.EntityFrameworkCore;

namespace Inventory.ProcurementService.Purchasing;

/// <summary>
/// What the item page shows of purchasing. "On order" is what suppliers have been asked for and not yet delivered:
/// ordered minus received over submitted and partly received orders. A draft has not been sent, and a cancelled,
/// closed or fully received order expects nothing more, so none of those count (replenishment, which must not
/// draft an item twice, counts drafts too: that is its own rule).
/// </summary>
public static class ItemPurchasingQuery
{
    public static readonly PurchaseOrderStatus[] OnOrderStatuses = [PurchaseOrderStatus.Submitted, PurchaseOrderStatus.PartiallyReceived];

    public static async Task<ItemPurchasingDto> LoadAsync(ProcurementDbContext db, Guid itemId, CancellationToken ct)
    {
        var suppliers = await db.SupplierItems.AsNoTracking().Where(i => i.ItemId == itemId)
            .OrderByDescending(i => i.IsPreferred).ThenBy(i => i.UnitPrice).ThenBy(i => i.Supplier!.Name)
            .Select(i => new ItemSupplierDto(i.Id, i.SupplierId, i.Supplier!.Name, i.SupplierSku, i.UnitPrice, i.Supplier.Currency,
                i.MinimumOrderQuantity, i.LeadTimeDays ?? i.Supplier.LeadTimeDays, i.IsPreferred))
            .ToListAsync(ct);

        var lines = await db.PurchaseOrderLines.AsNoTracking().Where(l => l.ItemId == itemId)
            .Join(db.PurchaseOrders.Where(o => OnOrderStatuses.Contains(o.Status)), l => l.PurchaseOrderId, o => o.Id, (l, o) => new { l, o })
            .GroupBy(x => new { x.o.Id, x.o.Number, x.o.SupplierId, x.o.Status, x.o.ExpectedDate, x.o.Sequence })
            .Select(g => new
            {
                g.Key,
                Ordered = g.Sum(x => x.l.QuantityOrdered),
                Received = g.Sum(x => x.l.QuantityReceived),
                // Per line, so a line received over its quantity does not hide another line still to come.
                Remaining = g.Sum(x => x.l.QuantityOrdered > x.l.QuantityReceived ? x.l.QuantityOrdered - x.l.QuantityReceived : 0),
            })
            .OrderBy(x => x.Key.ExpectedDate == null).ThenBy(x => x.Key.ExpectedDate).ThenBy(x => x.Key.Sequence)
            .ToListAsync(ct);
        var supplierIds = lines.Select(x => x.Key.SupplierId).Distinct().ToList();
        var names = await db.Suppliers.AsNoTracking().Where(s => supplierIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);

        var open = lines.Select(x => new OpenOrderLineDto(x.Key.Id, x.Key.Number, x.Key.SupplierId, names.GetValueOrDefault(x.Key.SupplierId, ""),
            x.Key.Status.ToString(), x.Key.ExpectedDate, x.Ordered, x.Received, x.Remaining)).ToList();
        return new ItemPurchasingDto(itemId, suppliers, open.Sum(o => o.Remaining), open);
    }
}
