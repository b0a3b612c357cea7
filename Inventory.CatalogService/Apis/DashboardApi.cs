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

        var totals = (await db.QueryAsync("""
            SELECT count(*) FILTER (WHERE NOT is_archived),
                   coalesce(sum(on_hand * unit_cost), 0),
                   count(*) FILTER (WHERE on_hand <= reorder_point AND NOT is_archived)
            FROM items
            """, r => (Items: r.GetInt64(0), Value: r.GetDecimal(1), Low: r.GetInt64(2)), ct))[0];
        var byCategory = await db.QueryAsync("""
            SELECT root.id, coalesce(root.name, 'Uncategorized'), sum(i.on_hand * i.unit_cost) AS value
            FROM items i
            LEFT JOIN categories leaf ON leaf.id = i.category_id
            LEFT JOIN categories root ON root.id = split_part(leaf.path_ids, '/', 2)::uuid
            WHERE i.on_hand <> 0
            GROUP BY root.id, root.name
            ORDER BY value DESC, 2
            """, r => new CategoryValueDto(r.IsDBNull(0) ? null : r.GetGuid(0), r.GetString(1), r.GetDecimal(2)), ct);
        var perDay = (await db.QueryAsync("""
            SELECT (occurred_at AT TIME ZONE 'UTC')::date AS day, count(*)
            FROM movements WHERE occurred_at >= $1
            GROUP BY 1
            """, r => (Day: DateOnly.FromDateTime(r.GetDateTime(0)), Count: r.GetInt64(1)), ct, firstDay))
            .ToDictionary(d => d.Day, d => (int)d.Count);

        var days = Enumerable.Range(0, Days).Select(i => DateOnly.FromDateTime(firstDay.AddDays(i).UtcDateTime))
            .Select(d => new DailyMovementsDto(d, perDay.GetValueOrDefault(d))).ToList();
        return TypedResults.Ok(new DashboardDto((int)totals.Items, totals.Value, (int)totals.Low,
            perDay.GetValueOrDefault(today), byCategory, days));
    }
}
