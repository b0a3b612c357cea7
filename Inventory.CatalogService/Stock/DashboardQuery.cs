using Inventory.CatalogService.Data;
using Microsoft.EntityFrameworkCore;

namespace Inventory.CatalogService.Stock;

/// <summary>
/// The dashboard's figures, read from rollups the database keeps with every change (<see cref="DashboardRollupSql"/>):
/// per-category totals (a few dozen rows), per-day movement totals (30 days × 64 shards at most) and today's per-item
/// movements; the top movers of the closed days come from <see cref="ClosedDayMovers"/>. Nothing here grows with the
/// number of items or movements. Days are UTC days.
/// </summary>
public static class DashboardQuery
{
    public const int Days = 30;

    public static async Task<DashboardDto> RunAsync(CatalogDbContext db, ClosedDayMovers closedDays, DateTimeOffset now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var firstDay = today.AddDays(-(Days - 1));

        // Totals per leaf category, rolled up to top-level categories here with the small category table.
        // The background fold (DashboardFold) keeps the change log short; this folds a batch of what is left.
        var byLeaf = await db.SqlRowsRawAsync<CategoryTotal>(DashboardRollupSql.FoldAndReadCategories, ct);
        var categories = await db.Categories.Select(c => new { c.Id, c.Name, c.PathIds }).ToListAsync(ct);
        var rootOf = categories.ToDictionary(c => c.Id, c => Guid.Parse(c.PathIds.Split('/', StringSplitOptions.RemoveEmptyEntries)[0]));
        var names = categories.ToDictionary(c => c.Id, c => c.Name);
        var byCategory = byLeaf
            .GroupBy(l => l.Category is { } leaf && rootOf.TryGetValue(leaf, out var root) ? root : (Guid?)null)
            .Select(g => new CategoryValueDto(g.Key, g.Key is { } id ? names[id] : "Uncategorized", g.Sum(l => l.Value)))
            .Where(c => c.Value != 0)
            .OrderByDescending(c => c.Value).ThenBy(c => c.Category, StringComparer.Ordinal)
            .ToList();

        var perDay = (await db.SqlRowsAsync<DashboardTrends.DayTotal>($"""
            SELECT day, sum(movements)::int AS count, sum(value_change) AS change, max(xmin::text::bigint) AS version
            FROM movement_day_totals WHERE day >= {firstDay} GROUP BY day
            """, ct)).ToDictionary(d => d.Day);
        var days = Enumerable.Range(0, Days).Select(i => firstDay.AddDays(i))
            .Select(d => new DailyMovementsDto(d, perDay.GetValueOrDefault(d)?.Count ?? 0)).ToList();
        var stockValue = byLeaf.Sum(l => l.Value);
        return new DashboardDto(byLeaf.Sum(l => l.Items), stockValue, byLeaf.Sum(l => l.Low),
            perDay.GetValueOrDefault(today)?.Count ?? 0, byCategory, days,
            await DashboardTrends.TopMoversAsync(db, closedDays, firstDay, today, perDay, ct),
            DashboardTrends.ValueTrend(days.Select(d => d.Date).ToList(), perDay, stockValue));
    }

    private sealed record CategoryTotal(Guid? Category, int Items, int Low, decimal Value);
}
