using Inventory.CatalogService.Data;
using Microsoft.EntityFrameworkCore;

namespace Inventory.CatalogService.Stock;

/// <summary>
/// The dashboard's figures. Every one comes from stored balances (item_stock_totals.on_hand) or an index range of the ledger
/// (occurred_at of the last 30 days), never from summing the whole ledger. Days are UTC days.
/// </summary>
public static class DashboardQuery
{
    public const int Days = 30;

    public static async Task<DashboardDto> RunAsync(CatalogDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var firstDay = new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(-(Days - 1));

        // One pass over the stored item totals, grouped by category (a few dozen rows), rolled up to top-level
        // categories here with the small category table.
        var byLeaf = await db.Items.GroupBy(i => i.CategoryId).Select(g => new
        {
            Category = g.Key,
            Items = g.Count(i => !i.IsArchived),
            Value = g.Sum(i => i.OnHand * i.UnitCost),
            Low = g.Count(i => i.OnHand <= i.ReorderPoint && !i.IsArchived),
        }).ToListAsync(ct);
        var categories = await db.Categories.Select(c => new { c.Id, c.Name, c.PathIds }).ToListAsync(ct);
        var rootOf = categories.ToDictionary(c => c.Id, c => Guid.Parse(c.PathIds.Split('/', StringSplitOptions.RemoveEmptyEntries)[0]));
        var names = categories.ToDictionary(c => c.Id, c => c.Name);
        var byCategory = byLeaf
            .GroupBy(l => l.Category is { } leaf && rootOf.TryGetValue(leaf, out var root) ? root : (Guid?)null)
            .Select(g => new CategoryValueDto(g.Key, g.Key is { } id ? names[id] : "Uncategorized", g.Sum(l => l.Value)))
            .Where(c => c.Value != 0)
            .OrderByDescending(c => c.Value).ThenBy(c => c.Category, StringComparer.Ordinal)
            .ToList();
        // The UTC day of each movement is SQL's to say: it groups the index range without reading rows into C#.
        var perDay = (await db.Database.SqlQuery<DayCount>($"""
            SELECT (occurred_at AT TIME ZONE 'UTC')::date AS day, count(*)::int AS count
            FROM movements WHERE occurred_at >= {firstDay}
            GROUP BY 1
            """).ToListAsync(ct)).ToDictionary(d => d.Day, d => d.Count);

        var days = Enumerable.Range(0, Days).Select(i => DateOnly.FromDateTime(firstDay.AddDays(i).UtcDateTime))
            .Select(d => new DailyMovementsDto(d, perDay.GetValueOrDefault(d))).ToList();
        var stockValue = byLeaf.Sum(l => l.Value);
        return new DashboardDto(byLeaf.Sum(l => l.Items), stockValue, byLeaf.Sum(l => l.Low),
            perDay.GetValueOrDefault(today), byCategory, days,
            await DashboardTrends.TopMoversAsync(db, firstDay, ct),
            await DashboardTrends.ValueTrendAsync(db, firstDay, days.Select(d => d.Date).ToList(), stockValue, ct));
    }

    private sealed record DayCount(DateOnly Day, int Count);
}
