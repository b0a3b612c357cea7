using Inventory.ProcurementService.Catalog;
using Inventory.ProcurementService.Data;
using Inventory.ProcurementService.PurchaseOrders;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inventory.ProcurementService.Receiving;

/// <summary>
/// Records a receipt inside the caller's transaction: the purchase order row is locked (so receipts of one order
/// queue up), each line's received quantity grows with a guarded atomic update that can never pass the ordered
/// quantity plus tolerance, the order's status follows, and the receipt lines — the outbox — are written.
/// The dispatcher then posts them to the catalog. A problem rolls the whole receipt back.
/// </summary>
public sealed class ReceivingService(ProcurementDbContext db, CatalogLookupClient catalog, IOptions<ReceivingOptions> options, TimeProvider clock)
{
    /// <summary>
    /// Asks the catalog whether it would take this receipt: the location exists and is active, and so is each
    /// received line's item. Run before the receipt's transaction; a refusal here means nothing is recorded, instead
    /// of a receipt whose lines the catalog would refuse for ever. Null when the catalog would take it.
    /// </summary>
    public async Task<ProblemHttpResult?> CheckWithCatalogAsync(Guid orderId, ReceiveRequest request, CancellationToken ct)
    {
        var wanted = request.Lines!.Select(l => l.LineId!.Value).ToList();
        var items = await db.PurchaseOrderLines.AsNoTracking().Where(l => l.PurchaseOrderId == orderId && wanted.Contains(l.Id))
            .ToDictionaryAsync(l => l.Id, l => (l.ItemId, l.ItemSku), ct);
        try
        {
            var location = await catalog.GetLocationAsync(request.LocationId!.Value, ct);
            if (location is null)
                return Problems.Unprocessable("locationId", "No such location in the catalog.");
            if (location.IsArchived)
                return Problems.Conflict("locationId", $"Location {location.Code} is archived: it takes no new stock.");

            var found = await catalog.GetItemsAsync(items.Values.Select(i => i.ItemId), ct);
            for (var i = 0; i < wanted.Count; i++)
            {
                if (!items.TryGetValue(wanted[i], out var line))
                    continue; // not a line of this order: the receipt itself says so
                if (found[line.ItemId] is not { } item)
                    return Problems.Unprocessable($"lines[{i}].lineId", $"Item {line.ItemSku} no longer exists in the catalog.");
                if (item.IsArchived)
                    return Problems.Conflict($"lines[{i}].lineId", $"Item {item.Sku} is archived: it takes no new stock.");
            }
            return null;
        }
        catch (CatalogUnavailableException)
        {
            return Problems.Unavailable("catalog service");
        }
    }

    public async Task<Outcome<ReceiptDto>> ReceiveAsync(Guid orderId, ReceiveRequest request, string receivedBy, CancellationToken ct)
    {
        await PurchaseOrderQueries.LockAsync(db, orderId, ct);
        var order = await db.PurchaseOrders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == orderId, ct);
        if (order is null)
            return Problems.NotFound("purchase order");
        if (!PurchaseOrderRules.CanReceive(order.Status))
            return Problems.Conflict("status", $"A {PurchaseOrderRules.Describe(order.Status)} purchase order takes no receipts.");

        var lines = await db.PurchaseOrderLines.AsNoTracking().Where(l => l.PurchaseOrderId == orderId).ToDictionaryAsync(l => l.Id, ct);
        var tolerance = options.Value.OverReceiptTolerancePercent;
        var now = clock.DatabaseNow();
        var receipt = new Receipt { PurchaseOrderId = orderId, LocationId = request.LocationId!.Value, ReceivedBy = receivedBy, ReceivedAt = now };

        for (var i = 0; i < request.Lines!.Count; i++)
        {
            var wanted = request.Lines[i];
            if (!lines.TryGetValue(wanted.LineId!.Value, out var line))
                return Problems.Invalid($"lines[{i}].lineId", "No such line on this purchase order.");

            var quantity = wanted.Quantity!.Value;
            var updated = await db.Database.ExecuteSqlAsync($"""
                UPDATE purchase_order_lines SET quantity_received = quantity_received + {quantity}
                WHERE id = {line.Id} AND quantity_received + {quantity} <= quantity_ordered * (1 + {tolerance} / 100.0)
                """, ct);
            if (updated == 0)
            {
                var open = PurchaseOrderRules.Receivable(line.QuantityOrdered, line.QuantityReceived, tolerance);
                return Problems.Conflict($"lines[{i}].quantity", $"Line {line.LineNumber} ({line.ItemSku}) can take at most {open:0.####} more.");
            }
            receipt.Lines.Add(new ReceiptLine
            {
                ReceiptId = receipt.Id,
                PurchaseOrderLineId = line.Id,
                ItemId = line.ItemId,
                LocationId = receipt.LocationId,
                Quantity = quantity,
                Reference = order.Number,
                NextAttemptAt = now,
            });
        }

        var received = await db.PurchaseOrderLines.AsNoTracking().Where(l => l.PurchaseOrderId == orderId)
            .Select(l => new { l.QuantityOrdered, l.QuantityReceived }).ToListAsync(ct);
        var status = PurchaseOrderRules.AfterReceipt(received.Select(l => (l.QuantityOrdered, l.QuantityReceived)));
        if (status != order.Status)
        {
            // A change of the order's row: its version advances, so a status change based on an older read loses.
            await db.PurchaseOrders.Where(o => o.Id == orderId).ExecuteUpdateAsync(o => o
                .SetProperty(x => x.Status, status).SetProperty(x => x.UpdatedAt, now).SetProperty(x => x.Version, x => x.Version + 1), ct);
            db.StatusChanges.Add(new PurchaseOrderStatusChange
            {
                PurchaseOrderId = orderId, From = order.Status, To = status, ChangedBy = receivedBy, ChangedAt = now,
            });
        }
        db.Receipts.Add(receipt);
        await db.SaveChangesAsync(ct);
        return ReceiptDto.From(receipt);
    }
}
