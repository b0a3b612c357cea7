using Inventory.CatalogService.Common;
using Inventory.CatalogService.Data;
using Inventory.CatalogService.Stock;
using Inventory.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Inventory.CatalogService.Apis;

/// <summary>
/// Receipts posted by the procurement service's outbox, one per received purchase-order line. The line id is the
/// de-duplication key: the first post books the stock (201); every repeat, concurrent or later, answers the first
/// result (200) and adds nothing; a repeat with another item, location or quantity is refused (422).
/// </summary>
public static class ReceiptsApi
{
    public static IEndpointRouteBuilder MapReceiptsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("api/receipts", PostReceipt).WithTags("Receipts").WithName("PostReceipt")
            .WithSummary("Books a purchase-order receipt line from procurement (once per receiptLineId)")
            .RequireAuthorization(Policies.ProcurementService);
        return app;
    }

    public static async Task<Results<Created<MovementResult>, Ok<MovementResult>, ValidationProblem, ProblemHttpResult>> PostReceipt(
        ReceiptRequest request, CatalogDbContext db, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        var errors = StockRules.Validate(request);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        var lineId = request.ReceiptLineId!.Value;

        return await db.InTransactionAsync<Results<Created<MovementResult>, Ok<MovementResult>, ValidationProblem, ProblemHttpResult>>(async tx =>
        {
            var write = new LedgerWrite(request.ItemId!.Value, [new Leg(request.LocationId!.Value, request.Quantity!.Value, MovementTypes.Receipt)],
                Caller.Id(http.User), MovementsApi.Now(clock), Reference: request.Reference?.Trim(), ReceiptLineId: lineId);
            // Claim the line first: a concurrent post of the same line waits here until this transaction ends.
            var claimed = await db.ExecuteAsync(
                "INSERT INTO receipt_lines (receipt_line_id, operation_id, received_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                ct, lineId, write.OperationId, write.At);
            if (claimed == 0)
            {
                var earlier = await FirstResultAsync(db, lineId, ct);
                var booked = earlier.Movements[0];
                // The same line posted with other contents is a bug upstream: refuse it rather than hide it.
                if (booked.ItemId != request.ItemId || booked.LocationId != request.LocationId || booked.Quantity != request.Quantity)
                    return Problems.Unprocessable("receiptLineId",
                        "This receipt line was already booked with another item, location or quantity.");
                return TypedResults.Ok(earlier);
            }

            var outcome = await StockLedger.ApplyAsync(db, write, ct);
            if (outcome.Problem is not null)
                return outcome.Problem;
            await tx.CommitAsync(ct);
            return TypedResults.Created($"/api/movements/{outcome.Value!.Movements[0].Id}", outcome.Value);
        }, ct);
    }

    private static async Task<MovementResult> FirstResultAsync(CatalogDbContext db, Guid lineId, CancellationToken ct)
    {
        var movements = await db.QueryAsync("""
            SELECT m.id, m.seq, m.item_id, m.location_id, m.quantity, m.balance_after, m.type, m.reference, m.user_id, m.occurred_at, m.operation_id
            FROM receipt_lines r JOIN movements m ON m.operation_id = r.operation_id
            WHERE r.receipt_line_id = $1 ORDER BY m.seq
            """, r => new MovementDto(r.GetGuid(0), r.GetInt64(1), r.GetGuid(2), r.GetGuid(3), r.GetDecimal(4), r.GetDecimal(5),
                r.GetString(6), null, r.IsDBNull(7) ? null : r.GetString(7), null, r.GetString(8), r.GetFieldValue<DateTimeOffset>(9),
                r.GetGuid(10), null, lineId), ct, lineId);
        return new MovementResult(movements[0].OperationId!.Value, movements);
    }
}
