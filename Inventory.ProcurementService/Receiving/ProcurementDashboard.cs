using Inventory.ProcurementService.Data;
using Inventory.ProcurementService.PurchaseOrders;
using Microsoft.EntityFrameworkCore;

namespace Inventory.ProcurementService.Receiving;

/// <summary>Open purchase orders by status, and receipt lines not in stock yet: waiting to post, or rejected.</summary>
public sealed record ProcurementDashboardDto(IReadOnlyList<OrderStatusCountDto> OpenOrders, int WaitingReceiptLines,
    int RejectedReceiptLines, IReadOnlyList<OrderWaitingDto> WaitingOrders);

/// <summary>An order with received lines not yet in the catalog's stock (pending or being retried).</summary>
public sealed record OrderWaitingDto(Guid PurchaseOrderId, string Number, int WaitingLines);

/// <summary>How many orders have a status (the API's spelling, e.g. <c>PartiallyReceived</c>).</summary>
public sealed record OrderStatusCountDto(string Status, int Count);

/// <summary>
/// The procurement figures of the dashboard. The orders are counted on the (status, supplier) index, the lines on
/// the partial index of unposted lines (<c>ix_receipt_lines_unposted</c>): posted lines are never read.
/// </summary>
public static class ProcurementDashboard
{
    public static readonly PurchaseOrderStatus[] Open =
        [PurchaseOrderStatus.Draft, PurchaseOrderStatus.Submitted, PurchaseOrderStatus.PartiallyReceived];

    public static async Task<ProcurementDashboardDto> ReadAsync(ProcurementDbContext db, CancellationToken ct)
    {
        var counts = await db.PurchaseOrders.Where(o => Open.Contains(o.Status)).GroupBy(o => o.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(ct);
        var orders = Open.Select(s => new OrderStatusCountDto(s.ToString(), counts.FirstOrDefault(c => c.Status == s)?.Count ?? 0)).ToList();
        var unposted = db.ReceiptLines.AsNoTracking().Where(l => l.PostedAt == null);
        var states = await unposted.GroupBy(l => l.PostingState).Select(g => new { State = g.Key, Count = g.Count() }).ToListAsync(ct);
        var waiting = unposted.Where(l => l.PostingState == PostingState.Pending || l.PostingState == PostingState.Failing);
        var waitingOrders = await (from line in waiting
                                   join receipt in db.Receipts on line.ReceiptId equals receipt.Id
                                   group line by new { receipt.PurchaseOrderId, line.Reference } into order
                                   orderby order.Key.Reference
                                   select new OrderWaitingDto(order.Key.PurchaseOrderId, order.Key.Reference, order.Count()))
            .Take(ReceiptAttention.OrdersShown).ToListAsync(ct);
        return new ProcurementDashboardDto(orders,
            states.Where(s => s.State is PostingState.Pending or PostingState.Failing).Sum(s => s.Count),
            states.Where(s => s.State == PostingState.Rejected).Sum(s => s.Count), waitingOrders);
    }
}
