using Inventory.ProcurementService.Data;
using Inventory.ProcurementService.PurchaseOrders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inventory.ProcurementService.Receiving;

public abstract record ReceiveOutcome
{
    public sealed record Received(Receipt Receipt, bool Replayed = false) : ReceiveOutcome;
    public sealed record KeyReused : ReceiveOutcome;
    public sealed record NotFound : ReceiveOutcome;
    public sealed record Invalid(Dictionary<string, string[]> Errors) : ReceiveOutcome;
    public sealed record Refused(string Title, string Field, string Message) : ReceiveOutcome;
}

/// <summary>
/// Records a receipt in one transaction: the purchase order row is locked (so receipts of one order queue
/// up), each line's received quantity grows with a guarded atomic update that can never pass the ordered
/// quantity plus tolerance, the order's status follows, and the receipt lines — the outbox — are written.
/// The dispatcher then posts them to the catalog.
/// </summary>
public sealed class ReceivingService(ProcurementDbContext db, IOptions<ReceivingOptions> options, TimeProvider clock)
{
    public async Task<ReceiveOutcome> ReceiveAsync(Guid orderId, ReceiveRequest request, string receivedBy, string? idempotencyKey, CancellationToken ct)
    {
        var errors = Validate(request);
        if (idempotencyKey is { Length: 0 or > 100 })
            errors["Idempotency-Key"] = ["An Idempotency-Key must be 1–100 characters."];
        if (errors.Count > 0)
            return new ReceiveOutcome.Invalid(errors);

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (idempotencyKey is not null && await ClaimKeyAsync(orderId, request, receivedBy, idempotencyKey, ct) is { } earlier)
                return earlier;
            var outcome = await ReceiveInTransactionAsync(orderId, request, receivedBy, ct);
            if (outcome is ReceiveOutcome.Received received && idempotencyKey is not null)
                await db.Database.ExecuteSqlAsync($"UPDATE receipt_idempotency_keys SET receipt_id = {received.Receipt.Id} WHERE caller = {receivedBy} AND key = {idempotencyKey}", ct);
            // A refused receipt rolls back with its key, so a corrected retry with the same key is judged afresh.
            if (outcome is ReceiveOutcome.Received)
                await transaction.CommitAsync(ct);
            else
                await transaction.RollbackAsync(ct);
            return outcome;
        });
    }

    /// <summary>
    /// Claims the key in this transaction. A concurrent request with the same key waits on the key's primary key
    /// until this one commits (then it finds the receipt) or rolls back (then it runs itself): never both.
    /// Returns the earlier outcome when the key was used before, else null.
    /// </summary>
    private async Task<ReceiveOutcome?> ClaimKeyAsync(Guid orderId, ReceiveRequest request, string caller, string key, CancellationToken ct)
    {
        var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes($"{orderId}:{System.Text.Json.JsonSerializer.Serialize(request)}")));
        var claimed = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO receipt_idempotency_keys (caller, key, request_hash, created_at)
            VALUES ({caller}, {key}, {hash}, {clock.GetUtcNow()}) ON CONFLICT (caller, key) DO NOTHING
            """, ct);
        if (claimed == 1)
            return null;
        var earlier = await db.ReceiptIdempotencyKeys.AsNoTracking().SingleAsync(k => k.Caller == caller && k.Key == key, ct);
        if (earlier.RequestHash != hash || earlier.ReceiptId is null)
            return new ReceiveOutcome.KeyReused();
        var receipt = await db.Receipts.AsNoTracking().Include(r => r.Lines).SingleAsync(r => r.Id == earlier.ReceiptId, ct);
        return new ReceiveOutcome.Received(receipt, Replayed: true);
    }

    private async Task<ReceiveOutcome> ReceiveInTransactionAsync(Guid orderId, ReceiveRequest request, string receivedBy, CancellationToken ct)
    {
        // Receipts of one order queue up behind this row lock; other orders are not held up.
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM purchase_orders WHERE id = {orderId} FOR UPDATE", ct);
        var order = await db.PurchaseOrders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == orderId, ct);
        if (order is null)
            return new ReceiveOutcome.NotFound();
        if (!PurchaseOrderRules.CanReceive(order.Status))
            return new ReceiveOutcome.Refused("The purchase order cannot be received.", "status",
                $"A {PurchaseOrderRules.Describe(order.Status)} purchase order takes no receipts.");

        var lines = await db.PurchaseOrderLines.AsNoTracking().Where(l => l.PurchaseOrderId == orderId).ToDictionaryAsync(l => l.Id, ct);
        var tolerance = options.Value.OverReceiptTolerancePercent;
        var now = clock.GetUtcNow();
        var receipt = new Receipt { PurchaseOrderId = orderId, LocationId = request.LocationId!.Value, ReceivedBy = receivedBy, ReceivedAt = now };

        for (var i = 0; i < request.Lines!.Count; i++)
        {
            var wanted = request.Lines[i];
            if (!lines.TryGetValue(wanted.LineId!.Value, out var line))
                return new ReceiveOutcome.Invalid(new() { [$"lines[{i}].lineId"] = ["No such line on this purchase order."] });

            var quantity = wanted.Quantity!.Value;
            var updated = await db.Database.ExecuteSqlAsync($"""
                UPDATE purchase_order_lines SET quantity_received = quantity_received + {quantity}
                WHERE id = {line.Id} AND quantity_received + {quantity} <= quantity_ordered * (1 + {tolerance} / 100.0)
                """, ct);
            if (updated == 0)
            {
                var open = PurchaseOrderRules.Receivable(line.QuantityOrdered, line.QuantityReceived, tolerance);
                return new ReceiveOutcome.Refused("That is more than the order allows.", $"lines[{i}].quantity",
                    $"Line {line.LineNumber} ({line.ItemSku}) can take at most {open:0.####} more.");
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
            await db.Database.ExecuteSqlAsync($"UPDATE purchase_orders SET status = {status.ToString()}, updated_at = {now}, version = version + 1 WHERE id = {orderId}", ct);
            db.StatusChanges.Add(new PurchaseOrderStatusChange { PurchaseOrderId = orderId, From = order.Status, To = status, ChangedBy = receivedBy, ChangedAt = now });
        }
        db.Receipts.Add(receipt);
        await db.SaveChangesAsync(ct);
        return new ReceiveOutcome.Received(receipt);
    }

    private static Dictionary<string, string[]> Validate(ReceiveRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if ((request.LocationId ?? Guid.Empty) == Guid.Empty)
            errors["locationId"] = ["Location is required."];
        if (request.Lines is not { Count: > 0 })
        {
            errors["lines"] = ["Receive at least one line."];
            return errors;
        }
        var seen = new HashSet<Guid>();
        for (var i = 0; i < request.Lines.Count; i++)
        {
            var line = request.Lines[i];
            if (line is null || (line.LineId ?? Guid.Empty) == Guid.Empty)
                errors[$"lines[{i}].lineId"] = ["Line is required."];
            else if (!seen.Add(line.LineId!.Value))
                errors[$"lines[{i}].lineId"] = ["This line appears twice; receive its total once."];
            if (line?.Quantity is null or <= 0)
                errors[$"lines[{i}].quantity"] = ["Quantity must be more than zero."];
            else if (decimal.Round(line.Quantity.Value, 4) != line.Quantity)
                errors[$"lines[{i}].quantity"] = ["At most 4 decimal places."];
        }
        return errors;
    }
}
