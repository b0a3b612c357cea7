using Inventory.CatalogService.Common;
using Inventory.CatalogService.Data;
using Inventory.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Inventory.CatalogService.Stock;

/// <summary>
/// Books a movement request of a user: by the caller, through the ledger, at most once per Idempotency-Key; without a key,
/// the ledger's one statement is the whole transaction.
/// </summary>
public sealed class MovementWriter(CatalogDbContext db, IHttpContextAccessor http)
{
    /// <summary><paramref name="write"/> is built only once <paramref name="errors"/> (the request's) are known to be none.</summary>
    public Task<Results<Created<MovementResult>, Ok<MovementResult>, ValidationProblem, ProblemHttpResult>> WriteAsync(
        Dictionary<string, string[]> errors, object request, string? idempotencyKey, Func<LedgerWrite> write, CancellationToken ct)
    {
        var context = http.HttpContext!;
        return ValidatedWrite.RunAsync<MovementResult>(errors, db, context, idempotencyKey, request, r => $"/api/movements/{r.Movements[0].Id}",
            token => StockLedger.ApplyAsync(db, write().By(CurrentUser.From(context)) with { IdempotencyKey = idempotencyKey }, token), ct,
            singleStatement: true);
    }
}
