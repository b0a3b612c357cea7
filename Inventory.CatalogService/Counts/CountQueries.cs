using Inventory.CatalogService.Data;

namespace Inventory.CatalogService.Counts;

/// <summary>The SQL of cycle counts: snapshots in one statement (one consistent view), reads without N+1.</summary>
internal static class CountQueries
{
    /// <summary>
    /// Snapshot lines: on hand and the ledger position, read by one statement so they agree. Movements of an item
    /// at a location are serialized by its balance row, so every movement this statement cannot see gets a
    /// higher seq than every one it can: "seq &gt; snapshot_seq" is exactly "after the snapshot".
    /// </summary>
    public static Task<int> SnapshotLinesAsync(CatalogDbContext db, Guid sessionId, Guid locationId, Guid[]? itemIds, CancellationToken ct) =>
        itemIds is null
            ? db.ExecuteAsync("""
                INSERT INTO count_lines (session_id, item_id, snapshot_quantity, snapshot_seq)
                SELECT $1, s.item_id, s.on_hand,
                       coalesce((SELECT max(m.seq) FROM movements m WHERE m.item_id = s.item_id AND m.location_id = s.location_id), 0)
                FROM stock_levels s WHERE s.location_id = $2
                ON CONFLICT DO NOTHING
                """, ct, sessionId, locationId)
            : db.ExecuteAsync("""
                INSERT INTO count_lines (session_id, item_id, snapshot_quantity, snapshot_seq)
                SELECT $1, i.id, coalesce(s.on_hand, 0),
                       coalesce((SELECT max(m.seq) FROM movements m WHERE m.item_id = i.id AND m.location_id = $2), 0)
                FROM items i LEFT JOIN stock_levels s ON s.item_id = i.id AND s.location_id = $2
                WHERE i.id = ANY($3)
                ON CONFLICT DO NOTHING
                """, ct, sessionId, locationId, itemIds);

    public static async Task<CountSessionDto?> LoadAsync(CatalogDbContext db, Guid id, bool hideExpected, CancellationToken ct)
    {
        var session = await db.QuerySingleAsync("""
            SELECT s.location_id, l.code, s.status, s.blind, s.note, s.opened_by, s.opened_at, s.closed_by, s.closed_at
            FROM count_sessions s JOIN locations l ON l.id = s.location_id WHERE s.id = $1
            """, r => new Header(r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetBoolean(3), r.IsDBNull(4) ? null : r.GetString(4),
                r.GetString(5), r.GetFieldValue<DateTimeOffset>(6), r.IsDBNull(7) ? null : r.GetString(7),
                r.IsDBNull(8) ? null : r.GetFieldValue<DateTimeOffset>(8)), ct, id);
        if (session is null)
            return null;
        var hidden = hideExpected && session.Blind && session.Status == CountStatuses.Open;
        var lines = await db.QueryAsync("""
            SELECT l.item_id, i.sku, i.name, i.unit, l.snapshot_quantity, l.counted_quantity, l.counted_by, l.counted_at, l.posted_variance,
                   coalesce((SELECT sum(m.quantity) FROM movements m
                             WHERE m.item_id = l.item_id AND m.location_id = $2 AND m.seq > l.snapshot_seq
                               AND m.count_session_id IS DISTINCT FROM l.session_id), 0)
            FROM count_lines l JOIN items i ON i.id = l.item_id
            WHERE l.session_id = $1 ORDER BY i.sku_normalized
            """, r =>
            {
                var snapshot = r.GetDecimal(4);
                decimal? counted = r.IsDBNull(5) ? null : r.GetDecimal(5);
                decimal? posted = r.IsDBNull(8) ? null : r.GetDecimal(8);
                var since = r.GetDecimal(9);
                // Once posted, the expected quantity is the one the variance was booked against.
                var expected = posted is { } v && counted is { } c ? c - v : CountRules.Expected(snapshot, since);
                decimal? variance = counted is { } n ? n - expected : null;
                return new CountLineDto(r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetString(3),
                    hidden ? null : snapshot, hidden ? null : since, hidden ? null : expected, counted, hidden ? null : variance,
                    r.IsDBNull(6) ? null : r.GetString(6), r.IsDBNull(7) ? null : r.GetFieldValue<DateTimeOffset>(7));
            }, ct, id, session.LocationId);
        return new CountSessionDto(id, session.LocationId, session.LocationCode, session.Status, session.Blind, session.Note,
            session.OpenedBy, session.OpenedAt, session.ClosedBy, session.ClosedAt, hidden, lines);
    }

    /// <summary>Locks the session row for the rest of the transaction and returns its location and status.</summary>
    public static async Task<(Guid LocationId, string Status)?> LockAsync(CatalogDbContext db, Guid id, CancellationToken ct)
    {
        var rows = await db.QueryAsync("SELECT location_id, status FROM count_sessions WHERE id = $1 FOR UPDATE",
            r => (LocationId: r.GetGuid(0), Status: r.GetString(1)), ct, id);
        return rows.Count == 0 ? null : rows[0];
    }

    private sealed record Header(Guid LocationId, string LocationCode, string Status, bool Blind, string? Note, string OpenedBy,
        DateTimeOffset OpenedAt, string? ClosedBy, DateTimeOffset? ClosedAt);
}
