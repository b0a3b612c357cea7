using Inventory.ProcurementService.Audit;
using Inventory.ProcurementService.Data;
using Microsoft.EntityFrameworkCore;

namespace Inventory.ProcurementService.Receiving;

/// <summary>
/// A person resolves a line the catalog rejected, once the cause is understood: retry it as it is (the item or
/// location was restored in the catalog), or move it into another location. Either way the line is Pending again,
/// due now, with a fresh backoff; the dispatcher posts it, and the catalog still books it at most once (by line id).
/// Each resolution is audited. Two people resolving one line at once: the update is conditional on the line still
/// being Rejected, so the second waits for the first's row lock, then finds it Pending and gets 409.
/// </summary>
public sealed class ReceiptLineResolution(ProcurementDbContext db, AuditTrail audit, TimeProvider clock)
{
    public Task<Outcome<ReceiptLineDto>> RetryAsync(Guid lineId, CancellationToken ct) =>
        ResolveAsync(lineId, null, ProcurementAuditActions.Retry, ct);

    public Task<Outcome<ReceiptLineDto>> MoveAsync(Guid lineId, Guid locationId, CancellationToken ct) =>
        ResolveAsync(lineId, locationId, ProcurementAuditActions.Move, ct);

    private async Task<Outcome<ReceiptLineDto>> ResolveAsync(Guid lineId, Guid? newLocation, string action, CancellationToken ct)
    {
        var line = await db.ReceiptLines.AsNoTracking().SingleOrDefaultAsync(l => l.Id == lineId, ct);
        if (line is null)
            return Problems.NotFound("receipt line");
        if (line.PostingState != PostingState.Rejected)
            return NotRejected(line.PostingState);
        if (newLocation == line.LocationId)
            return Problems.Unprocessable("locationId", "The line already goes into this location: choose another one, or retry it as it is.");

        var location = newLocation ?? line.LocationId;
        var now = clock.DatabaseNow();
        var updated = await db.ReceiptLines.Where(l => l.Id == lineId && l.PostingState == PostingState.Rejected)
            .ExecuteUpdateAsync(l => l
                .SetProperty(x => x.LocationId, location).SetProperty(x => x.PostingState, PostingState.Pending)
                .SetProperty(x => x.Attempts, 0).SetProperty(x => x.LastError, (string?)null)
                .SetProperty(x => x.NextAttemptAt, now).SetProperty(x => x.AwaitingCatalog, false), ct);
        if (updated == 0)
            return NotRejected(await db.ReceiptLines.Where(l => l.Id == lineId).Select(l => l.PostingState).SingleAsync(ct));

        var resolved = ReceiptLineDto.From(line) with { LocationId = location, PostingState = nameof(PostingState.Pending), Attempts = 0, LastError = null };
        audit.Record(db, AuditEntityTypes.ReceiptLine, lineId, action, AuditFields(ReceiptLineDto.From(line)), AuditFields(resolved));
        await db.SaveChangesAsync(ct);
        return resolved;
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult NotRejected(PostingState state) =>
        Problems.Conflict("postingState", $"This line is {state.ToString().ToLowerInvariant()}: only a rejected line is retried or moved.");

    // The rejection's reason is kept in the trail: the line's own LastError is cleared for the new attempts.
    private static Dictionary<string, object?> AuditFields(ReceiptLineDto line) => new()
    {
        ["postingState"] = line.PostingState,
        ["locationId"] = line.LocationId,
        ["lastError"] = line.LastError,
    };
}
