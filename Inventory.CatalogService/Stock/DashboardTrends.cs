using Inventory.CatalogService.Data;
using Microsoft.EntityFrameworkCore;

namespace Inventory.CatalogService.Stock;

/// <summary>The dashboard's two charts over time, from the rollups (<see cref="DashboardRollupSql"/>), not the ledger.</summary>
public static class DashboardTrends
{
    public const int TopMoverCount = 10;

    /// <summary>One day of movement_day_totals summed over its shards; <c>Version</c> changes whenever a row of the day does.</summary>
    public sealed record DayTotal(DateOnly Day, int Count, decimal Change, long Version);

    /// <summary>
    /// The items with the most movements from <paramref name="firstDay"/> to today (ties: more units moved, then SKU):
    /// the closed days' per-item totals (cached until their rollup rows change) plus today's rows of item_movement_days.
    /// </summary>
    public static async Task<IReadOnlyList<TopMoverDto>> TopMoversAsync(CatalogDbContext db, ClosedDayMovers closedDays, DateOnly firstDay,
        DateOnly today, IReadOnlyDictionary<DateOnly, DayTotal> perDay, CancellationToken ct)
    {
        var keys = perDay.Values.Where(d => d.Day < today).ToDictionary(d => d.Day, d => ClosedDayMovers.DayKey(d.Count, d.Version));
        var closed = await closedDays.GetAsync(db, firstDay, today, keys, ct);
        var todays = await db.SqlRowsAsync<ItemMoves>(
            $"SELECT item_id, movements, units FROM item_movement_days WHERE day = {today}", ct);
        var top = closed.TopWith(todays.Select(t => (t.ItemId, t.Movements, t.Units)), TopMoverCount);
        var ids = top.Select(t => t.ItemId).ToList();
        var items = await db.Items.Where(i => ids.Contains(i.Id)).Select(i => new { i.Id, i.Sku, i.Name, i.Unit }).ToDictionaryAsync(i => i.Id, ct);
        return top.Where(t => items.ContainsKey(t.ItemId))
            .Select(t => new TopMoverDto(t.ItemId, items[t.ItemId].Sku, items[t.ItemId].Name, items[t.ItemId].Unit, t.Movements, t.Units))
            .OrderByDescending(m => m.Movements).ThenByDescending(m => m.UnitsMoved).ThenBy(m => m.Sku, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The stock value at the end of each day: today's value less every later day's change (movements at the unit cost
    /// they were booked at, plus revaluations when a unit cost changed), so each day shows its value at that day's costs.
    /// </summary>
    public static IReadOnlyList<DailyValueDto> ValueTrend(IReadOnlyList<DateOnly> days, IReadOnlyDictionary<DateOnly, DayTotal> perDay,
        decimal valueNow)
    {
        var trend = new DailyValueDto[days.Count];
        var value = valueNow;
        for (var i = days.Count - 1; i >= 0; i--)
        {
            trend[i] = new DailyValueDto(days[i], value);
            value -= perDay.GetValueOrDefault(days[i])?.Change ?? 0;
        }
        return trend;
    }

    private sealed record ItemMoves(Guid ItemId, int Movements, decimal Units);
}
