using Inventory.CatalogService.Common;
using Inventory.CatalogService.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Inventory.CatalogService.Counts;

/// <summary>The reads of cycle counts, the snapshot that opens a line, and the lock that serializes a count's changes.</summary>
public static class CountQueries
{
    public const string Ordering = "openedAt:desc";

    /// <summary>
    /// Snapshot lines: on hand and the ledger position, read by one statement so they agree. Movements of an item
    /// at a location are serialized by its balance row, so every movement this statement cannot see gets a
    /// higher seq than every one it can: "seq &gt; snapshot_seq" is exactly "after the snapshot".
    /// </summary>
    public static Task<int> SnapshotLinesAsync(CatalogDbContext db, Guid sessionId, Guid locationId, Guid[]? itemIds, CancellationToken ct) =>
        itemIds is null
            ? db.Database.ExecuteSqlAsync($"""
                INSERT INTO count_lines (session_id, item_id, snapshot_quantity, snapshot_seq)
                SELECT {sessionId}, s.item_id, s.on_hand,
                       coalesce((SELECT max(m.seq) FROM movements m WHERE m.item_id = s.item_id AND m.location_id = s.location_id), 0)
                FROM stock_levels s WHERE s.location_id = {locationId}
                ON CONFLICT DO NOTHING
                """, ct)
            : db.Database.ExecuteSqlAsync($"""
                INSERT INTO count_lines (session_id, item_id, snapshot_quantity, snapshot_seq)
                SELECT {sessionId}, i.id, coalesce(s.on_hand, 0),
                       coalesce((SELECT max(m.seq) FROM movements m WHERE m.item_id = i.id AND m.location_id = {locationId}), 0)
                FROM items i LEFT JOIN stock_levels s ON s.item_id = i.id AND s.location_id = {locationId}
                WHERE i.id = ANY({itemIds})
                ON CONFLICT DO NOTHING
                """, ct);

    /// <summary>Locks the session row for the rest of the transaction and returns its location and status.</summary>
    public static Task<SessionState?> LockAsync(CatalogDbContext db, Guid id, CancellationToken ct) =>
        db.SqlRowAsync<SessionState>($"SELECT location_id, status FROM count_sessions WHERE id = {id} FOR UPDATE", ct);

    /// <summary>The lines of a count, each with the movements at the location since its snapshot (not the count's own postings).</summary>
    public static IQueryable<LineState> Lines(CatalogDbContext db, Guid sessionId, Guid locationId) =>
        db.CountLines.AsNoTracking().Where(l => l.SessionId == sessionId).Select(l => new LineState
        {
            Line = l,
            MovementsSince = db.Movements
                .Where(m => m.ItemId == l.ItemId && m.LocationId == locationId && m.Seq > l.SnapshotSeq && m.CountSessionId != l.SessionId)
                .Sum(m => (decimal?)m.Quantity) ?? 0,
        });

    public static async Task<CountSessionDto?> LoadAsync(CatalogDbContext db, Guid id, bool hideExpected, CancellationToken ct)
    {
        var found = await (from s in db.CountSessions.AsNoTracking()
                           join l in db.Locations on s.LocationId equals l.Id
                           where s.Id == id
                           select new { Session = s, l.Code }).FirstOrDefaultAsync(ct);
        if (found is null)
            return null;
        var session = found.Session;
        var hidden = hideExpected && session.Blind && session.Status == CountStatuses.Open;
        var lines = await (from x in Lines(db, id, session.LocationId)
                           join i in db.Items on x.Line.ItemId equals i.Id
                           orderby i.SkuNormalized
                           select new { x.Line, x.MovementsSince, i.Sku, i.Name, i.Unit }).ToListAsync(ct);
        return new CountSessionDto(id, session.LocationId, found.Code, session.Status, session.Blind, session.Note, session.OpenedBy,
            session.OpenedAt, session.ClosedBy, session.ClosedAt, hidden,
            lines.Select(x => CountRules.LineDto(x.Line, x.Sku, x.Name, x.Unit, x.MovementsSince, hidden)).ToList());
    }

    public static async Task<Results<Ok<Page<CountSummaryDto>>, ValidationProblem>> ListAsync(CatalogDbContext db, string? locationId,
        string? status, string? pageSize, string? after, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var size = Paging.ReadPage(errors, pageSize, after, Ordering, 2, out var key);
        var location = QueryValues.Guid(errors, "locationId", locationId);
        var state = string.IsNullOrWhiteSpace(status) ? null : QueryValues.OneOf(errors, "status", status, "", CountStatuses.All);
        var (afterAt, afterId) = (default(DateTimeOffset), Guid.Empty);
        if (key is not null && !(Cursors.TryTime(key[0], out afterAt) && Guid.TryParse(key[1], out afterId)))
            errors["after"] = [Paging.InvalidCursor];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var query = db.CountSessions.AsNoTracking();
        if (location is not null)
            query = query.Where(s => s.LocationId == location);
        if (state is not null)
            query = query.Where(s => s.Status == state);
        if (key is not null)
            query = query.Where(s => EF.Functions.LessThan(ValueTuple.Create(s.OpenedAt, s.Id), ValueTuple.Create(afterAt, afterId)));
        var rows = await (from s in query.OrderByDescending(s => s.OpenedAt).ThenByDescending(s => s.Id).Take(size + 1)
                          join l in db.Locations on s.LocationId equals l.Id
                          orderby s.OpenedAt descending, s.Id descending
                          select new CountSummaryDto(s.Id, s.LocationId, l.Code, s.Status, s.Blind, s.OpenedBy, s.OpenedAt, s.ClosedAt,
                              s.Lines.Count, s.Lines.Count(x => x.CountedQuantity != null))).ToListAsync(ct);
        return TypedResults.Ok(Paging.ToPage(rows, size, r => r, Ordering, r => [Cursors.Time(r.OpenedAt), r.Id.ToString()]));
    }
}

public sealed record SessionState(Guid LocationId, string Status);

public sealed class LineState
{
    public required CountLine Line { get; init; }
    public required decimal MovementsSince { get; init; }
}
