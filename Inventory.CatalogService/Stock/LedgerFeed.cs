using System.Globalization;
using Inventory.CatalogService.Data;
using Microsoft.EntityFrameworkCore;

namespace Inventory.CatalogService.Stock;

/// <summary>
/// The whole ledger for incremental readers, oldest first, a page at a time, each committed movement exactly once.
/// <para>
/// Sequence values (and times) are taken before commit, so paging by <c>seq</c> alone can skip a row: a writer takes
/// seq 5, another takes 6 and commits, a reader passes 6, then 5 commits behind its cursor. Instead each row records
/// its transaction's id (<see cref="Movement.TransactionId"/>), and the feed pages by (transaction id, seq) over rows
/// whose transaction is older than the oldest one still running (<c>pg_snapshot_xmin</c> of the reading statement's
/// own snapshot). Every such transaction has ended and its rows are visible now; any transaction that commits later
/// has a larger id than every row served, so it lands ahead of the cursor.
/// </para>
/// <para>
/// Writers pay one more small index (ids only grow, so it is appended at its right edge) and no lock. Readers wait
/// for the oldest running transaction of the server: a long one holds the feed back until it ends.
/// </para>
/// </summary>
public static class LedgerFeed
{
    public const string Ordering = "feed";

    /// <summary>
    /// The page after <paramref name="after"/> (null: from the start). The next cursor is always the place to resume:
    /// after this page's last row, or <paramref name="after"/> itself when nothing new has committed (null only while
    /// nothing has been served yet).
    /// </summary>
    public static async Task<Page<MovementDto>> ReadAsync(CatalogDbContext db, Position? after, int size, CancellationToken ct)
    {
        var (afterTransaction, afterSeq) = after is { } p ? (p.TransactionId.ToString(CultureInfo.InvariantCulture), p.Seq) : ("0", 0L);
        // One statement, so the horizon is the snapshot this very query reads with. The xid8 cursor goes as text:
        // PostgreSQL has no cast from a numeric parameter to xid8.
        var rows = await db.Movements.FromSql($"""
            SELECT * FROM movements
            WHERE xact_id < pg_snapshot_xmin(pg_current_snapshot())
              AND (xact_id, seq) > ({afterTransaction}::xid8, {afterSeq})
            ORDER BY xact_id, seq
            LIMIT {size}
            """).AsNoTracking().ToListAsync(ct);
        var next = rows.Count > 0 ? new Position(rows[^1].TransactionId, rows[^1].Seq) : after;
        return new Page<MovementDto>(rows.Select(MovementDto.From).ToList(), next?.ToCursor());
    }

    /// <summary>A place in the feed: the last row served.</summary>
    public sealed record Position(ulong TransactionId, long Seq)
    {
        public string ToCursor() =>
            Paging.Cursor(Ordering, TransactionId.ToString(CultureInfo.InvariantCulture), Seq.ToString(CultureInfo.InvariantCulture));

        public static bool TryRead(string[] key, out Position? position)
        {
            position = ulong.TryParse(key[0], NumberStyles.None, CultureInfo.InvariantCulture, out var transaction)
                && long.TryParse(key[1], NumberStyles.None, CultureInfo.InvariantCulture, out var seq)
                ? new Position(transaction, seq)
                : null;
            return position is not null;
        }
    }
}
