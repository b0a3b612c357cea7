using Inventory.CatalogService.Data;
using Inventory.CatalogService.Stock;
using Inventory.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Inventory.CatalogService.Apis;

public static class DashboardApi
{
    public const int Days = 30;

    public static IEndpointRouteBuilder MapDashboardApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("api/dashboard", GetDashboard).WithTags("Dashboard").WithName("GetDashboard")
            .WithSummary("Headline figures: items, stock value, low stock, movements today, value by category, movements per day")
            .RequireAuthorization(Policies.Read);
        return app;
    }

    /// <summary>
    /// Every figure comes from stored balances (items.on_hand) or an index range of the ledger (occurred_at of the
    /// last 30 days), never from summing the whole ledger. Days are UTC days.
    /// </summary>
    public static async Task<Ok<DashboardDto>> GetDashboard(CatalogDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var todayStart = new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var firstDay = todayStart.AddDays(-(Days - 1));

        // One pass over the stored item totals, grouped by category (a few dozen rows), rolled up to top-level
        // categories here with the small category table.
        var byLeaf = await db.QueryAsync("""
            SELECT category_id,
                   count(*) FILTER (WHERE NOT is_archived),
                   coalesce(sum(on_hand * unit_cost) FILTER (WHERE on_hand <> 0), 0),
                   count(*) FILTER (WHERE on_hand <= reorder_point AND NOT is_archived)
            FROM items GROUP BY category_id
            """, r => (Category: r.IsDBNull(0) ? (Guid?)null : r.GetGuid(0), Items: r.GetInt64(1), Value: r.GetDecimal(2), Low: r.GetInt64(3)), ct);
        var categories = await db.QueryAsync("SELECT id, name, path_ids FROM categories",
            r => (Id: r.GetGuid(0), Name: r.GetString(1), Root: Guid.Parse(r.GetString(2).Split('/', StringSplitOptions.RemoveEmptyEntries)[0])), ct);
        var rootOf = categories.ToDictionary(c => c.Id, c => c.Root);
        var names = categories.ToDictionary(c => c.Id, c => c.Name);
        var byCategory = byLeaf
            .GroupBy(l => l.Category is { } leaf && rootOf.TryGetValue(leaf, out var root) ? root : (Guid?)null)
            .Select(g => new CategoryValueDto(g.Key, g.Key is { } id ? names[id] : "Uncategorized", g.Sum(l => l.Value)))
            .Where(c => c.Value != 0)
            .OrderByDescending(c => c.Value).ThenBy(c => c.Category, StringComparer.Ordinal)
            .ToList();
        var perDay = (await db.QueryAsync("""
            SELECT (occurred_at AT TIME ZONE 'UTC')::date AS day, count(*)
            FROM movements WHERE occurred_at >= $1
            GROUP BY 1
            """, r => (Day: DateOnly.FromDateTime(r.GetDateTime(0)), Count: r.GetInt64(1)), ct, firstDay))
            .ToDictionary(d => d.Day, d => (int)d.Count);

        var days = Enumerable.Range(0, Days).Select(i => DateOnly.FromDateTime(firstDay.AddDays(i).UtcDateTime))
            .Select(d => new DailyMovementsDto(d, perDay.GetValueOrDefault(d))).ToList();
        return TypedResults.Ok(new DashboardDto((int)byLeaf.Sum(l => l.Items), byLeaf.Sum(l => l.Value), (int)byLeaf.Sum(l => l.Low),
            perDay.GetValueOrDefault(today), byCategory, days));
    }
}
