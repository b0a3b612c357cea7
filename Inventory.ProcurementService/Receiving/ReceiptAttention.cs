using Inventory.ProcurementService.Data;
using Microsoft.EntityFrameworkCore;

namespace Inventory.ProcurementService.Receiving;

/// <summary>
/// The rejected receipt lines, counted for the dashboard, with the orders they belong to (a few, by number). It reads
/// the small partial index of rejected lines (<c>ix_receipt_lines_rejected</c>), never every receipt line.
/// </summary>
public static class ReceiptAttention
{
    public const int OrdersShown = 10;

    public static async Task<ReceiptAttentionDto> ReadAsync(ProcurementDbContext db, CancellationToken ct)
    {
        var rejected = db.ReceiptLines.AsNoTracking().Where(l => l.PostingState == PostingState.Rejected);
        var orders = await (from line in rejected
                            join receipt in db.Receipts on line.ReceiptId equals receipt.Id
                            group line by new { receipt.PurchaseOrderId, line.Reference } into order
                            orderby order.Key.Reference
                            select new OrderAttentionDto(order.Key.PurchaseOrderId, order.Key.Reference, order.Count()))
            .Take(OrdersShown).ToListAsync(ct);
        var total = orders.Count < OrdersShown ? orders.Sum(o => o.RejectedLines) : await rejected.CountAsync(ct);
        return new ReceiptAttentionDto(total, orders);
    }
}
