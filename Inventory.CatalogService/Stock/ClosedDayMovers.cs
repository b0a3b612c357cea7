using Inventory.CatalogService.Data;
using Microsoft.EntityFrameworkCore;

namespace Inventory.CatalogService.Stock;

/// <summary>
/// Per-item movement totals of the dashboard window's closed days (before today, UTC), kept in memory while they
/// cannot change. A movement's occurred_at is the database clock when it is booked (StockLedger), and no path
/// back-dates one, so closed days are immutable — except around midnight (a transaction that took its clock at
/// 23:59:59 commits after), after a bulk load of history, or a test database's reset. So nothing is trusted by time:
/// each closed day is keyed by its rows of movement_day_totals (their count and the last transaction that wrote
/// them), which the caller reads anyway. A day whose key changed, or that entered the window, is read again alone
/// (one day of item_movement_days, with its key in the same statement); a day that left the window is subtracted.
/// So the window's daily slide costs two days' rows, not 29. One caller updates at a time; the others wait for it.
/// A singleton: one per service process.
/// </summary>
public sealed class ClosedDayMovers
{
    private readonly SemaphoreSlim _updating = new(1, 1);
    private readonly Dictionary<DateOnly, (string Key, List<ItemTotal> Rows)> _days = [];
    private readonly Dictionary<Guid, (int Movements, decimal Units)> _totals = [];
    private Snapshot? _current;

    /// <param name="keys">The key of each closed day of the window that has rows in movement_day_totals.</param>
    public async Task<Snapshot> GetAsync(CatalogDbContext db, DateOnly firstDay, DateOnly today, IReadOnlyDictionary<DateOnly, string> keys,
        CancellationToken ct)
    {
        if (_current is { } current && current.Matches(firstDay, today, keys))
            return current;
        await _updating.WaitAsync(ct);
        try
        {
            if (_current is { } again && again.Matches(firstDay, today, keys))
                return again;
            foreach (var day in _days.Keys.Where(d => d < firstDay || d >= today).ToList())
                Remove(day);
            for (var day = firstDay; day < today; day = day.AddDays(1))
            {
                if (_days.TryGetValue(day, out var kept) && kept.Key == keys.GetValueOrDefault(day, ""))
                    continue;
                Remove(day);
                var rows = await db.SqlRowsAsync<Row>($"""
                    SELECT NULL::uuid AS item_id, sum(movements)::int AS movements, 0::numeric AS units,
                           max(xmin::text::bigint) AS version
                    FROM movement_day_totals WHERE day = {day} HAVING count(*) > 0
                    UNION ALL
                    SELECT item_id, movements, units, NULL FROM item_movement_days WHERE day = {day}
                    """, ct);
                var key = rows.FirstOrDefault(r => r.ItemId is null) is { } head ? DayKey(head.Movements, head.Version!.Value) : "";
                var items = rows.Where(r => r.ItemId is not null).Select(r => new ItemTotal(r.ItemId!.Value, r.Movements, r.Units)).ToList();
                _days[day] = (key, items);
                foreach (var item in items)
                    Add(item, 1);
            }
            _current = new Snapshot(firstDay, today, _days.ToDictionary(d => d.Key, d => d.Value.Key), _totals);
            return _current;
        }
        finally
        {
            _updating.Release();
        }
    }

    /// <summary>The key of a day: its movement count and the last transaction id that wrote its rows.</summary>
    public static string DayKey(int movements, long version) => $"{movements}:{version}";

    private void Remove(DateOnly day)
    {
        if (!_days.Remove(day, out var old))
            return;
        foreach (var item in old.Rows)
            Add(item, -1);
    }

    private void Add(ItemTotal item, int sign)
    {
        var (movements, units) = _totals.GetValueOrDefault(item.ItemId);
        (movements, units) = (movements + sign * item.Movements, units + sign * item.Units);
        if (movements == 0)
            _totals.Remove(item.ItemId);
        else
            _totals[item.ItemId] = (movements, units);
    }

    private sealed record Row(Guid? ItemId, int Movements, decimal Units, long? Version);

    private sealed record ItemTotal(Guid ItemId, int Movements, decimal Units);

    /// <summary>The closed days' totals per item (a copy), and the same items ranked (movements, then units, then id).</summary>
    public sealed class Snapshot
    {
        private readonly DateOnly _firstDay;
        private readonly DateOnly _today;
        private readonly Dictionary<DateOnly, string> _keys;
        private readonly Dictionary<Guid, (int Movements, decimal Units)> _byItem;
        private readonly (Guid ItemId, int Movements, decimal Units)[] _ranked;

        internal Snapshot(DateOnly firstDay, DateOnly today, Dictionary<DateOnly, string> keys, Dictionary<Guid, (int, decimal)> totals)
        {
            (_firstDay, _today, _keys) = (firstDay, today, keys);
            _byItem = new Dictionary<Guid, (int Movements, decimal Units)>(totals);
            _ranked = _byItem.Select(t => (t.Key, t.Value.Movements, t.Value.Units)).ToArray();
            Array.Sort(_ranked, Rank);
        }

        internal bool Matches(DateOnly firstDay, DateOnly today, IReadOnlyDictionary<DateOnly, string> keys)
        {
            if (firstDay != _firstDay || today != _today)
                return false;
            for (var day = firstDay; day < today; day = day.AddDays(1))
            {
                if (keys.GetValueOrDefault(day, "") != _keys.GetValueOrDefault(day, ""))
                    return false;
            }
            return true;
        }

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
