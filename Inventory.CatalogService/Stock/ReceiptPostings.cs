using Inventory.CatalogService.Data;
using Inventory.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Inventory.CatalogService.Stock;

/// <summary>
/// Receipts posted by the procurement service's outbox, one per received purchase-order line. The line id is the
/// de-duplication key: the first post books the stock (201); every repeat, concurrent or later, answers the first
/// result (200) and adds nothing; a repeat with another item, location or quantity is refused (422).
/// </summary>
public sealed class ReceiptPostings(CatalogDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    public async Task<Results<Created<MovementResult>, Ok<MovementResult>, ProblemHttpResult>> PostAsync(ReceiptRequest request, CancellationToken ct)
    {
        var errors = StockRules.Validate(request);
        if (errors.Count > 0)
            return Problems.Invalid(errors);
        var write = LedgerWrite.PurchaseReceipt(request).By(CurrentUser.From(http.HttpContext!));
        var receivedAt = clock.DatabaseNow();

        return await db.InTransactionAsync<Results<Created<MovementResult>, Ok<MovementResult>, ProblemHttpResult>>(async tx =>
        {
            // Claim the line first: a concurrent post of the same line waits here until this transaction ends.
            var claimed = await db.Database.ExecuteSqlAsync($"""
                INSERT INTO receipt_lines (receipt_line_id, operation_id, received_at)
                VALUES ({write.ReceiptLineId}, {write.OperationId}, {receivedAt}) ON CONFLICT DO NOTHING
                """, ct);
            if (claimed == 0)
                return await EarlierResultAsync(write, ct);

            var outcome = await StockLedger.ApplyAsync(db, write, ct);
            if (outcome.Problem is not null)
                return outcome.Problem;
            await tx.CommitAsync(ct);
            return TypedResults.Created($"/api/movements/{outcome.Value!.Movements[0].Id}", outcome.Value);
        }, ct);
    }

    /// <summary>The first posting's result; the same line with other contents is a bug upstream, refused rather than hidden.</summary>
    private async Task<Results<Created<MovementResult>, Ok<MovementResult>, ProblemHttpResult>> EarlierResultAsync(LedgerWrite write, CancellationToken ct)
    {
        var movements = await (from r in db.PostedReceiptLines
                               join m in db.Movements on r.OperationId equals m.OperationId
                               where r.ReceiptLineId == write.ReceiptLineId
                               orderby m.Seq
                               select m).AsNoTracking().ToListAsync(ct);
        var booked = movements[0];
        var leg = write.Legs[0];
        if (booked.ItemId != write.ItemId || booked.LocationId != leg.LocationId || booked.Quantity != leg.Quantity)
            return Problems.Unprocessable("receiptLineId", "This receipt line was already booked with another item, location or quantity.");
        return TypedResults.Ok(new MovementResult(booked.OperationId!.Value, movements.Select(MovementDto.From).ToList()));
    }
}
