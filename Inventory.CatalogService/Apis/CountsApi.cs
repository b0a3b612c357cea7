using System.Globalization;
using System.Security.Claims;
using Inventory.CatalogService.Common;
using Inventory.CatalogService.Counts;
using Inventory.CatalogService.Data;
using Inventory.CatalogService.Stock;
using Inventory.ServiceDefaults;
using Inventory.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Inventory.CatalogService.Apis;

public static class CountsApi
{
    public static IEndpointRouteBuilder MapCountsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/counts").WithTags("Counts");
        api.MapGet("/", ListCounts).WithName("ListCounts").WithSummary("Cycle counts, newest first, a page at a time")
            .RequireAuthorization(Policies.Read);
        api.MapGet("/{id:guid}", GetCount).WithName("GetCount")
            .WithSummary("A count with its lines and variances (expected quantities hidden from Clerks while a blind count is open)")
            .RequireAuthorization(Policies.Read);
        api.MapPost("/", OpenCount).WithName("OpenCount").WithSummary("Opens a count of a location, snapshotting expected quantities")
            .RequireAuthorization(Policies.Operate);
        api.MapPut("/{id:guid}/lines", RecordCounts).WithName("RecordCounts").WithSummary("Records counted quantities")
            .RequireAuthorization(Policies.Operate);
        api.MapPost("/{id:guid}/post", PostCount).WithName("PostCount").WithSummary("Books the variances as count movements, atomically")
            .RequireAuthorization(Policies.Manage);
        api.MapPost("/{id:guid}/cancel", CancelCount).WithName("CancelCount").WithSummary("Cancels an open count; nothing is booked")
            .RequireAuthorization(Policies.Manage);
        return app;
    }

    private static bool HidesExpected(ClaimsPrincipal user) => !Caller.IsAtLeast(user, Roles.Manager);

    public static async Task<Results<Ok<Page<CountSummaryDto>>, ValidationProblem>> ListCounts(
        CatalogDbContext db, string? locationId = null, string? status = null, string? pageSize = null, string? after = null,
        CancellationToken ct = default)
    {
        PageRequest.Resolve(pageSize, after, out var size, out var afterKey, out var errors);
        var location = QueryValues.Guid(errors, "locationId", locationId);
        var state = string.IsNullOrWhiteSpace(status) ? null
            : QueryValues.OneOf(errors, "status", status, "", CountStatuses.Open, CountStatuses.Posted, CountStatuses.Cancelled);
        (DateTimeOffset At, Guid Id)? cursor = null;
        if (afterKey is not null)
        {
            if (Cursor.TryDecode(afterKey, "openedAt:desc", 2, out var key)
                && DateTimeOffset.TryParse(key[0], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
                && Guid.TryParse(key[1], out var id))
                cursor = (at, id);
            else
                errors["after"] = Cursor.Invalid()["after"];
        }
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var query = db.CountSessions.AsNoTracking();
        if (location is not null)
            query = query.Where(s => s.LocationId == location);
        if (state is not null)
            query = query.Where(s => s.Status == state);
        if (cursor is { } c)
            query = query.Where(s => EF.Functions.LessThan(ValueTuple.Create(s.OpenedAt, s.Id), ValueTuple.Create(c.At, c.Id)));
        var rows = await (from s in query.OrderByDescending(s => s.OpenedAt).ThenByDescending(s => s.Id).Take(size + 1)
                          join l in db.Locations on s.LocationId equals l.Id
                          orderby s.OpenedAt descending, s.Id descending
                          select new CountSummaryDto(s.Id, s.LocationId, l.Code, s.Status, s.Blind, s.OpenedBy, s.OpenedAt, s.ClosedAt,
                              s.Lines.Count, s.Lines.Count(x => x.CountedQuantity != null))).ToListAsync(ct);
        var next = rows.Count > size
            ? Cursor.Encode("openedAt:desc", rows[size - 1].OpenedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture), rows[size - 1].Id.ToString())
            : null;
        return TypedResults.Ok(new Page<CountSummaryDto>(rows.Take(size).ToList(), next));
    }

    public static async Task<Results<Ok<CountSessionDto>, NotFound>> GetCount(Guid id, CatalogDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        var session = await CountQueries.LoadAsync(db, id, HidesExpected(user), ct);
        return session is null ? TypedResults.NotFound() : TypedResults.Ok(session);
    }

    public static async Task<Results<Created<CountSessionDto>, Ok<CountSessionDto>, ValidationProblem, ProblemHttpResult>> OpenCount(
        OpenCountRequest request, [FromHeader(Name = IdempotencyRules.HeaderName)] string? idempotencyKey,
        CatalogDbContext db, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        var errors = CountRules.Validate(request);
        if (IdempotencyRules.ValidateKey(idempotencyKey) is { } keyError)
            errors[IdempotencyRules.HeaderName] = [keyError];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        return await IdempotentWrite.RunAsync<CountSessionDto>(db, http, idempotencyKey, request, s => $"/api/counts/{s.Id}", async token =>
        {
            var locationId = request.LocationId!.Value;
            var location = await db.QueryAsync("SELECT is_archived FROM locations WHERE id = $1 FOR SHARE", r => r.GetBoolean(0), token, locationId);
            if (location.Count == 0)
                return Problems.Unprocessable("locationId", "No such location.");
            if (location[0])
                return Problems.Conflict("locationId", "The location is archived.");
            var itemIds = request.ItemIds?.ToArray();
            if (itemIds is not null)
            {
                var known = await db.QueryAsync("SELECT count(*) FROM items WHERE id = ANY($1)", r => r.GetInt64(0), token, itemIds);
                if (known[0] != itemIds.Length)
                    return Problems.Unprocessable("itemIds", "One or more items do not exist.");
            }
            var id = Guid.CreateVersion7();
            var opened = await db.QueryAsync("""
                INSERT INTO count_sessions (id, location_id, status, blind, note, opened_by, opened_at)
                VALUES ($1, $2, 'open', $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING 1
                """, r => r.GetInt32(0), token, id, locationId, request.Blind ?? false, request.Note?.Trim(),
                Caller.Id(http.User), MovementsApi.Now(clock));
            if (opened.Count == 0)
                return Problems.Conflict("locationId", "A count of this location is already open: post or cancel it first.");
            await CountQueries.SnapshotLinesAsync(db, id, locationId, itemIds, token);
            return (await CountQueries.LoadAsync(db, id, HidesExpected(http.User), token))!;
        }, ct);
    }

    public static async Task<Results<Created<CountSessionDto>, Ok<CountSessionDto>, ValidationProblem, ProblemHttpResult>> RecordCounts(
        Guid id, RecordCountsRequest request, [FromHeader(Name = IdempotencyRules.HeaderName)] string? idempotencyKey,
        CatalogDbContext db, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        var errors = CountRules.Validate(request);
        if (IdempotencyRules.ValidateKey(idempotencyKey) is { } keyError)
            errors[IdempotencyRules.HeaderName] = [keyError];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        return await IdempotentWrite.RunAsync<CountSessionDto>(db, http, idempotencyKey, request, s => $"/api/counts/{s.Id}", async token =>
        {
            var session = await CountQueries.LockAsync(db, id, token);
            if (session is null)
                return Problems.NotFound("count");
            if (session.Value.Status != CountStatuses.Open)
                return Problems.Conflict("status", $"The count is {session.Value.Status}; counts can be recorded only while it is open.");
            var lines = request.Lines!;
            var itemIds = lines.Select(l => l.ItemId!.Value).ToArray();
            var units = (await db.QueryAsync("SELECT id, unit FROM items WHERE id = ANY($1)", r => (Id: r.GetGuid(0), Unit: r.GetString(1)), token, itemIds))
                .ToDictionary(u => u.Id, u => u.Unit);
            for (var i = 0; i < lines.Count; i++)
            {
                if (!units.TryGetValue(itemIds[i], out var unit))
                    return Problems.Unprocessable($"lines[{i}].itemId", "No such item.");
                if (!StockRules.FitsUnit(unit, lines[i].CountedQuantity!.Value))
                    return Problems.Invalid($"lines[{i}].countedQuantity", $"'{unit}' is not divisible: the quantity must be a whole number.");
            }
            // An item found at the location but not in the count joins it, with its own snapshot taken now.
            await CountQueries.SnapshotLinesAsync(db, id, session.Value.LocationId, itemIds, token);
            await db.ExecuteAsync("""
                UPDATE count_lines l SET counted_quantity = v.quantity, counted_by = $3, counted_at = $4
                FROM unnest($1::uuid[], $2::numeric[]) AS v(item_id, quantity)
                WHERE l.session_id = $5 AND l.item_id = v.item_id
                """, token, itemIds, lines.Select(l => l.CountedQuantity!.Value).ToArray(), Caller.Id(http.User), MovementsApi.Now(clock), id);
            return (await CountQueries.LoadAsync(db, id, HidesExpected(http.User), token))!;
        }, ct, created: false);
    }

    public static async Task<Results<Created<CountSessionDto>, Ok<CountSessionDto>, ValidationProblem, ProblemHttpResult>> PostCount(
        Guid id, [FromHeader(Name = IdempotencyRules.HeaderName)] string? idempotencyKey,
        CatalogDbContext db, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        if (IdempotencyRules.ValidateKey(idempotencyKey) is { } keyError)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [IdempotencyRules.HeaderName] = [keyError] });

        return await IdempotentWrite.RunAsync<CountSessionDto>(db, http, idempotencyKey, new { countId = id }, s => $"/api/counts/{s.Id}", async token =>
        {
            var session = await CountQueries.LockAsync(db, id, token);
            if (session is null)
                return Problems.NotFound("count");
            if (session.Value.Status != CountStatuses.Open)
                return Problems.Conflict("status", $"The count is already {session.Value.Status}.");
            var locationId = session.Value.LocationId;
            var counted = await db.QueryAsync(
                "SELECT item_id FROM count_lines WHERE session_id = $1 AND counted_quantity IS NOT NULL ORDER BY item_id",
                r => r.GetGuid(0), token, id);
            if (counted.Count == 0)
                return Problems.Conflict("lines", "Nothing has been counted yet.");

            // Lock the counted items in id order (every movement starts by locking its item), so no movement can slip
            // between reading the expected quantities and booking the variances.
            await db.ExecuteAsync("SELECT 1 FROM (SELECT id FROM items WHERE id = ANY($1) ORDER BY id FOR UPDATE) locked", token, counted.ToArray());
            var variances = await db.QueryAsync("""
                SELECT l.item_id, l.counted_quantity, l.snapshot_quantity,
                       coalesce((SELECT sum(m.quantity) FROM movements m
                                 WHERE m.item_id = l.item_id AND m.location_id = $2 AND m.seq > l.snapshot_seq), 0)
                FROM count_lines l WHERE l.session_id = $1 AND l.counted_quantity IS NOT NULL ORDER BY l.item_id
                """, r => (ItemId: r.GetGuid(0), Variance: CountRules.Variance(r.GetDecimal(1), r.GetDecimal(2), r.GetDecimal(3))),
                token, id, locationId);

            var userId = Caller.Id(http.User);
            var now = MovementsApi.Now(clock);
            foreach (var (itemId, variance) in variances.Where(v => v.Variance != 0))
            {
                var outcome = await StockLedger.ApplyAsync(db, new LedgerWrite(itemId, [new Leg(locationId, variance, MovementTypes.Count)],
                    userId, now, ReasonCode: "count", Reference: $"count {id}", IdempotencyKey: idempotencyKey, CountSessionId: id), token);
                if (outcome.Problem is not null)
                    return outcome.Problem;
            }
            await db.ExecuteAsync("""
                UPDATE count_lines l SET posted_variance = v.variance
                FROM unnest($2::uuid[], $3::numeric[]) AS v(item_id, variance)
                WHERE l.session_id = $1 AND l.item_id = v.item_id
                """, token, id, variances.Select(v => v.ItemId).ToArray(), variances.Select(v => v.Variance).ToArray());
            await db.ExecuteAsync("UPDATE count_sessions SET status = 'posted', closed_by = $2, closed_at = $3 WHERE id = $1", token, id, userId, now);
            return (await CountQueries.LoadAsync(db, id, false, token))!;
        }, ct, created: false);
    }

    public static async Task<Results<Ok<CountSessionDto>, NotFound, ProblemHttpResult>> CancelCount(
        Guid id, CatalogDbContext db, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var changed = await db.ExecuteAsync(
            "UPDATE count_sessions SET status = 'cancelled', closed_by = $2, closed_at = $3 WHERE id = $1 AND status = 'open'",
            ct, id, Caller.Id(user), MovementsApi.Now(clock));
        var session = await CountQueries.LoadAsync(db, id, false, ct);
        if (session is null)
            return TypedResults.NotFound();
        if (changed == 0)
            return Problems.Conflict("status", $"The count is already {session.Status}.");
        return TypedResults.Ok(session);
    }
}
