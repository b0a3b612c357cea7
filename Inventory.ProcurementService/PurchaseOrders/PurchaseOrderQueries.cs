using Inventory.ProcurementService.Data;
using Microsoft.EntityFrameworkCore;

namespace Inventory.ProcurementService.PurchaseOrders;

public static class PurchaseOrderQueries
{
    /// <summary>
    /// Locks the order's row until the transaction ends, so changes of one order (edits, receipts) queue up while
    /// other orders are not held up.
    /// </summary>
    public static Task LockAsync(ProcurementDbContext db, Guid id, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"SELECT 1 FROM purchase_orders WHERE id = {id} FOR UPDATE", ct);

    /// <summary>The order with its lines, totals, status history and supplier name; null when there is none.</summary>
    public static async Task<PurchaseOrderDto?> LoadDtoAsync(ProcurementDbContext db, Guid id, CancellationToken ct)
    {
        var order = await db.PurchaseOrders.AsNoTracking().AsSplitQuery()
            .Include(o => o.Lines).Include(o => o.StatusChanges)
            .FirstOrDefaultAsync(o => o.Id == id, ct);
        if (order is null)
            return null;
        var supplier = await db.Suppliers.AsNoTracking().Where(s => s.Id == order.SupplierId).Select(s => s.Name).FirstOrDefaultAsync(ct);
        return PurchaseOrderDto.From(order, supplier ?? "");
    }
}
