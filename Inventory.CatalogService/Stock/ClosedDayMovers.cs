using Inventory.CatalogService.Data;
using Microsoft.EntityFrameworkCore;

namespace Inventory.CatalogService.Stock;

/// <summary>
/// Per-item movement totals of the dashboard window's closed days (before today, UTC), computed once and kept while
/// they cannot change. A movement's occurred_at is the database clock when it is booked (StockLedger), and no path
/// back-dates one, so closed days are immutable — except for the moments around midnight (a transaction that took
/// its clock at 23:59:59 commits after), a bulk load of history, or a test database's reset. So the cache is not
/// trusted by time: it is keyed by the closed days' rows of movement_day_totals (their counts and the transaction ids
/// that last wrote them), which the caller reads anyway; any change to a closed day changes the key and the totals
/// are computed again (one caller at a time; the others wait for it), from item_movement_days in one snapshot with
/// the key. A singleton: one per service process.
/// </summary>
public sealed class ClosedDayMovers
{
    private readonly SemaphoreSlim _computing = new(1, 1);
    private Snapshot? _current;

    public async Task<Snapshot> GetAsync(CatalogDbContext db, DateOnly firstDay, DateOnly today, string key, CancellationToken ct)
    {
        var current = _current;
        if (current is not null && current.FirstDay == firstDay && current.Key == key)
            return current;
        await _computing.WaitAsync(ct);
        try
        {
            current = _current;
            if (current is not null && current.FirstDay == firstDay && current.Key == key)
                return current;
            // The totals and the key they belong to in one statement (one snapshot): a change committed between two
            // reads would otherwise be in one and not the other. Rows without an item are the closed days' key.
            var rows = await db.Database.SqlQuery<Row>($"""
                SELECT NULL::uuid AS item_id, sum(movements)::int AS movements, 0::numeric AS units, day,
                       max(xmin::text::bigint) AS version
                FROM movement_day_totals WHERE day >= {firstDay} AND day < {today} GROUP BY day
                UNION ALL
                SELECT item_id, sum(movements)::int, sum(units), NULL, NULL
                FROM item_movement_days WHERE day >= {firstDay} AND day < {today} GROUP BY item_id
                """).ToListAsync(ct);
            var keyNow = string.Join(',', rows.Where(r => r.ItemId is null).OrderBy(r => r.Day)
                .Select(r => $"{r.Day:yyyyMMdd}:{r.Movements}:{r.Version}"));
            var totals = rows.Where(r => r.ItemId is not null).Select(r => new ItemTotal(r.ItemId!.Value, r.Movements, r.Units)).ToList();
            _current = new Snapshot(firstDay, keyNow, totals);
            return _current;
        }
        finally
        {
            _computing.Release();
        }
    }

    private sealed record Row(Guid? ItemId, int Movements, decimal Units, DateOnly? Day, long? Version);

    internal sealed record ItemTotal(Guid ItemId, int Movements, decimal Units);

    /// <summary>The closed days' totals per item, and the same items ranked (movements, then units, then id).</summary>
    public sealed class Snapshot
    {
        private readonly Dictionary<Guid, (int Movements, decimal Units)> _byItem;
        private readonly (Guid ItemId, int Movements, decimal Units)[] _ranked;

        internal Snapshot(DateOnly firstDay, string key, IReadOnlyList<ItemTotal> totals)
        {
            FirstDay = firstDay;
            Key = key;
            _byItem = totals.ToDictionary(t => t.ItemId, t => (t.Movements, t.Units));
            _ranked = totals.Select(t => (t.ItemId, t.Movements, t.Units)).ToArray();
            Array.Sort(_ranked, Rank);
        }

        public DateOnly FirstDay { get; }
        public string Key { get; }

        /// <summary>
        /// The <paramref name="count"/> items with most movements over the closed days and <paramref name="today"/>
        /// together: every item moved today with its sum, and the best closed-only items not moved today. Exact.
        /// </summary>
        public IReadOnlyList<(Guid ItemId, int Movements, decimal Units)> TopWith(IEnumerable<(Guid ItemId, int Movements, decimal Units)> today,
            int count)
        {
            var candidates = today.Select(t => _byItem.TryGetValue(t.ItemId, out var c)
                ? (t.ItemId, t.Movements + c.Movements, t.Units + c.Units) : t).ToList();
            var movedToday = candidates.Select(c => c.ItemId).ToHashSet();
            candidates.AddRange(_ranked.Where(r => !movedToday.Contains(r.ItemId)).Take(count));
            candidates.Sort(Rank);
            return candidates.Take(count).ToList();
        }

        private static int Rank((Guid ItemId, int Movements, decimal Units) a, (Guid ItemId, int Movements, decimal Units) b) =>
            b.Movements != a.Movements ? b.Movements.CompareTo(a.Movements)
            : b.Units != a.Units ? b.Units.CompareTo(a.Units)
            : a.ItemId.CompareTo(b.ItemId);
    }
}
