using Inventory.CatalogService.Data;
using Microsoft.EntityFrameworkCore;

namespace Inventory.CatalogService.Stock;

/// <summary>
/// The dashboard's two charts over time. Both read only the ledger's last 30 days (the <c>occurred_at</c> index range)
/// and the items they touch; neither sums the whole ledger.
/// </summary>
public static class DashboardTrends
{
    public const int TopMoverCount = 10;

    /// <summary>The items with the most movements since <paramref name="since"/> (ties: more units moved, then SKU).</summary>
    public static async Task<IReadOnlyList<TopMoverDto>> TopMoversAsync(CatalogDbContext db, DateTimeOffset since, CancellationToken ct)
    {
        var movers = await db.Movements.Where(m => m.OccurredAt >= since)
            .GroupBy(m => m.ItemId)
            .Select(g => new { ItemId = g.Key, Movements = g.Count(), Units = g.Sum(m => m.Quantity < 0 ? -m.Quantity : m.Quantity) })
            .OrderByDescending(g => g.Movements).ThenByDescending(g => g.Units).Take(TopMoverCount)
            .Join(db.Items, g => g.ItemId, i => i.Id, (g, i) => new TopMoverDto(i.Id, i.Sku, i.Name, i.Unit, g.Movements, g.Units))
            .ToListAsync(ct);
        return movers.OrderByDescending(m => m.Movements).ThenByDescending(m => m.UnitsMoved)
            .ThenBy(m => m.Sku, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The stock value at the end of each day: today's value less the value of every later day's movements, each
    /// priced at its item's unit cost today (the ledger keeps quantities, not historic costs).
    /// </summary>
    public static async Task<IReadOnlyList<DailyValueDto>> ValueTrendAsync(CatalogDbContext db, DateTimeOffset since,
        IReadOnlyList<DateOnly> days, decimal valueNow, CancellationToken ct)
    {
        var change = (await db.Database.SqlQuery<DayChange>($"""
            SELECT (m.occurred_at AT TIME ZONE 'UTC')::date AS day, sum(m.quantity * i.unit_cost) AS change
            FROM movements m JOIN items i ON i.id = m.item_id
            WHERE m.occurred_at >= {since}
            GROUP BY 1
            """).ToListAsync(ct)).ToDictionary(d => d.Day, d => d.Change);
        var trend = new DailyValueDto[days.Count];
        var value = valueNow;
        for (var i = days.Count - 1; i >= 0; i--)
        {
            trend[i] = new DailyValueDto(days[i], value);
            value -= change.GetValueOrDefault(days[i]);
        }
        return trend;
    }

    private sealed record DayChange(DateOnly Day, decimal Change);
}
