using Inventory.CatalogService.Common;
using Inventory.CatalogService.Data;
using Inventory.CatalogService.Stock;
using Inventory.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Inventory.CatalogService.Counts;

/// <summary>
/// Cycle counts: open (snapshot), record counted quantities, post the variances through the ledger, or cancel.
/// Each write runs in one transaction with the session row locked, at most once per Idempotency-Key.
/// </summary>
public sealed class CountService(CatalogDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    private HttpContext Http => http.HttpContext!;
    private string Caller => CurrentUser.From(Http).Id;

    /// <summary>Expected quantities of an open blind count are for Managers and above.</summary>
    public bool HidesExpected => !Http.User.IsAtLeast(Roles.Manager);

    public Task<Results<Created<CountSessionDto>, Ok<CountSessionDto>, ValidationProblem, ProblemHttpResult>> OpenAsync(
        OpenCountRequest request, string? idempotencyKey, CancellationToken ct) =>
        ValidatedWrite.RunAsync<CountSessionDto>(CountRules.Validate(request), db, Http, idempotencyKey, request, Location, async token =>
        {
            var locationId = request.LocationId!.Value;
            // FOR SHARE: the location cannot be archived while the count opens.
            var location = await db.SqlRowAsync<LocationState>($"SELECT is_archived FROM locations WHERE id = {locationId} FOR SHARE", token);
            if (location is null)
                return Problems.Unprocessable("locationId", "No such location.");
            if (location.IsArchived)
                return Problems.Conflict("locationId", "The location is archived.");
            var itemIds = request.ItemIds?.ToArray();
            if (itemIds is not null && await db.Items.CountAsync(i => itemIds.Contains(i.Id), token) != itemIds.Length)
                return Problems.Unprocessable("itemIds", "One or more items do not exist.");

            var session = new CountSession
            {
                LocationId = locationId, Status = CountStatuses.Open, Blind = request.Blind ?? false, Note = request.Note?.Trim(),
                OpenedBy = Caller, OpenedAt = clock.DatabaseNow(),
            };
            db.CountSessions.Add(session);
            if (await db.TrySaveAsync("count", token, _ =>
                    Problems.Conflict("locationId", "A count of this location is already open: post or cancel it first.")) is { } taken)
                return taken;
            await CountQueries.SnapshotLinesAsync(db, session.Id, locationId, itemIds, token);
            return (await CountQueries.LoadAsync(db, session.Id, HidesExpected, token))!;
        }, ct);

    public Task<Results<Created<CountSessionDto>, Ok<CountSessionDto>, ValidationProblem, ProblemHttpResult>> RecordAsync(
        Guid id, RecordCountsRequest request, string? idempotencyKey, CancellationToken ct) =>
        ValidatedWrite.RunAsync<CountSessionDto>(CountRules.Validate(request), db, Http, idempotencyKey, request, Location, async token =>
        {
            var session = await CountQueries.LockAsync(db, id, token);
            if (session is null)
                return Problems.NotFound("count");
            if (session.Status != CountStatuses.Open)
                return Problems.Conflict("status", $"The count is {session.Status}; counts can be recorded only while it is open.");
            var lines = request.Lines!;
            var itemIds = lines.Select(l => l.ItemId!.Value).ToArray();
            var units = await db.Items.Where(i => itemIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Unit, token);
            for (var i = 0; i < lines.Count; i++)
            {
                if (!units.TryGetValue(itemIds[i], out var unit))
                    return Problems.Unprocessable($"lines[{i}].itemId", "No such item.");
                if (!StockRules.FitsUnit(unit, lines[i].CountedQuantity!.Value))
                    return Problems.Invalid($"lines[{i}].countedQuantity", $"'{unit}' is not divisible: the quantity must be a whole number.");
            }
            // An item found at the location but not in the count joins it, with its own snapshot taken now.
            await CountQueries.SnapshotLinesAsync(db, id, session.LocationId, itemIds, token);
            var quantities = lines.Select(l => l.CountedQuantity!.Value).ToArray();
            await db.Database.ExecuteSqlAsync($"""
                UPDATE count_lines l SET counted_quantity = v.quantity, counted_by = {Caller}, counted_at = {clock.DatabaseNow()}
                FROM unnest({itemIds}::uuid[], {quantities}::numeric[]) AS v(item_id, quantity)
                WHERE l.session_id = {id} AND l.item_id = v.item_id
                """, token);
            return (await CountQueries.LoadAsync(db, id, HidesExpected, token))!;
        }, ct, created: false);

    public Task<Results<Created<CountSessionDto>, Ok<CountSessionDto>, ValidationProblem, ProblemHttpResult>> PostAsync(
        Guid id, string? idempotencyKey, CancellationToken ct) =>
        ValidatedWrite.RunAsync<CountSessionDto>([], db, Http, idempotencyKey, new { countId = id }, Location, async token =>
        {
            var session = await CountQueries.LockAsync(db, id, token);
            if (session is null)
                return Problems.NotFound("count");
            if (session.Status != CountStatuses.Open)
                return Problems.Conflict("status", $"The count is already {session.Status}.");
            var counted = await db.CountLines.Where(l => l.SessionId == id && l.CountedQuantity != null)
                .OrderBy(l => l.ItemId).Select(l => l.ItemId).ToArrayAsync(token);
            if (counted.Length == 0)
                return Problems.Conflict("lines", "Nothing has been counted yet.");

            // Lock the counted items in id order (every movement starts by locking its item), so no movement can slip
            // between reading the expected quantities and booking the variances.
            await db.Database.ExecuteSqlAsync($"SELECT FROM items WHERE id = ANY({counted}) ORDER BY id FOR UPDATE", token);
            var variances = (await CountQueries.Lines(db, id, session.LocationId).Where(x => x.Line.CountedQuantity != null)
                    .OrderBy(x => x.Line.ItemId).ToListAsync(token))
                .Select(x => (x.Line.ItemId, Variance: CountRules.Variance(x.Line.CountedQuantity!.Value, x.Line.SnapshotQuantity, x.MovementsSince)))
                .ToList();
            var now = clock.DatabaseNow();
            foreach (var (itemId, variance) in variances.Where(v => v.Variance != 0))
            {
                var write = new LedgerWrite(itemId, [new Leg(session.LocationId, variance, MovementTypes.Count)])
                {
                    ReasonCode = "count", Reference = $"count {id}", IdempotencyKey = idempotencyKey, CountSessionId = id,
                }.By(CurrentUser.From(Http));
                if ((await StockLedger.ApplyAsync(db, write, token)).Problem is { } problem)
                    return problem;
            }
            var (itemIds, booked) = (variances.Select(v => v.ItemId).ToArray(), variances.Select(v => v.Variance).ToArray());
            await db.Database.ExecuteSqlAsync($"""
                UPDATE count_lines l SET posted_variance = v.variance
                FROM unnest({itemIds}::uuid[], {booked}::numeric[]) AS v(item_id, variance)
                WHERE l.session_id = {id} AND l.item_id = v.item_id
                """, token);
            await CloseAsync(id, CountStatuses.Posted, now, token);
            return (await CountQueries.LoadAsync(db, id, false, token))!;
        }, ct, created: false);

    public async Task<Outcome<CountSessionDto>> CancelAsync(Guid id, CancellationToken ct)
    {
        var cancelled = await CloseAsync(id, CountStatuses.Cancelled, clock.DatabaseNow(), ct);
        var session = await CountQueries.LoadAsync(db, id, false, ct);
        if (session is null)
            return Problems.NotFound("count");
        return cancelled ? session : Problems.Conflict("status", $"The count is already {session.Status}.");
    }

    /// <summary>Closes the count if it is still open (false: it was not).</summary>
    private async Task<bool> CloseAsync(Guid id, string status, DateTimeOffset at, CancellationToken ct)
    {
        var caller = Caller;
        return await db.CountSessions.Where(s => s.Id == id && s.Status == CountStatuses.Open).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.Status, status).SetProperty(x => x.ClosedBy, caller).SetProperty(x => x.ClosedAt, at), ct) == 1;
    }

    private static string Location(CountSessionDto session) => $"/api/counts/{session.Id}";

    private sealed record LocationState(bool IsArchived);
}
