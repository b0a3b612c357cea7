using Inventory.CatalogService.Apis;
using Inventory.CatalogService.Data;
using Inventory.CatalogService.Seeding;
using Inventory.CatalogService.Stock;
using Inventory.ServiceDefaults.Kit;
using Inventory.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Inventory.Tests.Service.Catalog;

/// <summary>
/// The plans of the dashboard's and the low-stock list's queries on a catalog from the bulk generator (20,000 items,
/// 40,000 movements over 30 days): the dashboard reads rollups, never the ledger; the low-stock list reads its partial
/// index in order, active items only. The generator's rollups equal the ledger. Plans are asserted, never times.
/// </summary>
[Collection(ServicesCollection.Name)]
public sealed class DashboardPlanTests(ServicesFixture fixture)
{
    private static readonly GeneratedCatalog Generated = new("catalog_dashboard", items: 20_000, movements: 40_000);

    [Fact]
    public async Task The_bulk_generator_fills_the_rollups_equal_to_the_ledger_and_the_totals()
    {
        var connectionString = await CatalogAsync();
        Assert.Equal(0L, await ScalarAsync<long>(connectionString, DashboardRollupTests.Mismatches));
        Assert.Equal(0L, await ScalarAsync<long>(connectionString,
            "SELECT count(*) FROM item_stock_totals t JOIN items i ON i.id = t.item_id WHERE t.sku_normalized <> i.sku_normalized"));
        Assert.Equal(0L, await ScalarAsync<long>(connectionString,
            "SELECT count(*) FROM item_stock_totals t JOIN items i ON i.id = t.item_id WHERE t.is_archived <> i.is_archived"));
    }

    [Fact]
    public async Task The_dashboard_reads_no_ledger_rows_and_reports_what_the_ledger_and_totals_say()
    {
        var connectionString = await CatalogAsync();
        var capture = new QueryPlans.PlanCapture();
        await using var db = Context(connectionString, capture);

        var dashboard = await DashboardQuery.RunAsync(db, new ClosedDayMovers(), DateTimeOffset.UtcNow, CancellationToken.None);

        var nodes = capture.Plans.SelectMany(QueryPlans.PlanNode.Flatten).ToList();
        Assert.NotEmpty(nodes);
        Assert.DoesNotContain(nodes, n => n.Relation == "movements");
        Assert.DoesNotContain(nodes, n => n.Relation == "item_stock_totals");
        var firstDay = DateTime.UtcNow.Date.AddDays(-(DashboardQuery.Days - 1));
        Assert.Equal(await ScalarAsync<long>(connectionString, $"SELECT count(*) FROM movements WHERE occurred_at >= '{firstDay:yyyy-MM-dd}Z'"),
            dashboard.MovementsPerDay.Sum(d => d.Count));
        Assert.Equal(await ScalarAsync<decimal>(connectionString,
            "SELECT sum(t.on_hand * i.unit_cost) FROM item_stock_totals t JOIN items i ON i.id = t.item_id"), dashboard.StockValue);
        Assert.Equal(await ScalarAsync<long>(connectionString, "SELECT count(*) FROM items WHERE NOT is_archived"), dashboard.ItemCount);
        var topMover = await ScalarAsync<string>(connectionString, $"""
            SELECT i.sku FROM movements m JOIN items i ON i.id = m.item_id WHERE m.occurred_at >= '{firstDay:yyyy-MM-dd}Z'
            GROUP BY i.sku ORDER BY count(*) DESC, sum(abs(m.quantity)) DESC, i.sku LIMIT 1
            """);
        Assert.Equal(topMover, dashboard.TopMovers[0].Sku);
    }

    [Fact]
    public async Task The_low_stock_list_is_a_range_of_its_partial_index_in_sku_order()
    {
        var connectionString = await CatalogAsync();
        var capture = new QueryPlans.PlanCapture();
        await using var db = Context(connectionString, capture);

        var page = Assert.IsType<Ok<Page<LowStockDto>>>((await StockApi.ListLowStock(db, "25")).Result).Value!;

        var plan = QueryPlans.PlanNode.Flatten(capture.Plans[^1]);
        var range = Assert.Single(plan, n => n.Index == LowStockSql.Index);
        Assert.DoesNotContain(plan, n => n.Type is "Sort" or "Incremental Sort");
        // Archived items are not in the index (the generated data has low archived ones): the range reads the page and
        // the one row that says there is a next page, nothing the join then drops.
        Assert.True(await ScalarAsync<long>(connectionString,
            "SELECT count(*) FROM item_stock_totals t JOIN items i ON i.id = t.item_id WHERE t.on_hand <= t.reorder_point AND i.is_archived") > 0);
        Assert.Equal(page.Items.Count + 1, range.Rows * range.Loops);
        var expected = await ScalarAsync<string>(connectionString, """
            SELECT string_agg(sku, ',' ORDER BY sku_normalized) FROM (
                SELECT i.sku, i.sku_normalized FROM items i JOIN item_stock_totals t ON t.item_id = i.id
                WHERE t.on_hand <= t.reorder_point AND NOT i.is_archived ORDER BY i.sku_normalized LIMIT 25) p
            """);
        Assert.Equal(expected, string.Join(',', page.Items.Select(i => i.Sku)));
    }

    private Task<string> CatalogAsync() => Generated.ConnectionStringAsync(fixture.Postgres);

    private static CatalogDbContext Context(string connectionString, QueryPlans.PlanCapture? capture) =>
        GeneratedCatalog.Context(connectionString, capture);

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync())!, typeof(T));
    }
}
