using Inventory.CatalogService.Data;
using Inventory.CatalogService.Items;
using Inventory.CatalogService.Seeding;
using Inventory.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Inventory.Tests.Service.Catalog;

/// <summary>
/// The plans PostgreSQL runs for the item list's page queries, on a generated catalog (20,000 items): the exact
/// command the list sends is explained (EXPLAIN ANALYZE, JSON) with its parameters, beside running it. The plans
/// are the point, not times (none is asserted).
/// </summary>
[Collection(ServicesCollection.Name)]
public sealed class ItemListPlanTests(ServicesFixture fixture)
{
    private const int PageSize = 25;
    private static readonly GeneratedCatalog Generated = new("catalog_plans", items: 20_000, movements: 20_000);

    [Fact]
    public async Task A_search_reads_its_trigram_matches_first_even_after_a_statistics_refresh_raises_the_estimate()
    {
        var connectionString = await CatalogAsync();
        // More statistics make the planner expect many more matches: what once flipped the plain query to a walk of
        // the whole SKU index, testing every row.
        await ExecuteAsync(connectionString, "ALTER TABLE items ALTER COLUMN name SET STATISTICS 1000; ANALYZE items");

        var (rows, plan) = await RunAsync(connectionString, new ItemListQuery("ball valve", null, null, false, "active", "sku", false));

        var expected = await SkusAsync(connectionString, """
            SELECT sku FROM items WHERE NOT is_archived AND (sku ILIKE '%ball valve%' OR name ILIKE '%ball valve%')
            ORDER BY sku_normalized, id LIMIT 25
            """);
        Assert.Equal(expected, rows.Items.Select(r => r.Sku));
        Assert.NotEmpty(expected);
        // The matches are found first (the trigram indexes, or at this small size possibly a scan inside the CTE), then
        // sorted: the SKU index is not walked, and only the matching rows reach the sort.
        Assert.DoesNotContain(plan, n => n.Index == "ix_items_sku_normalized");
        var matches = await SkusAsync(connectionString, "SELECT sku FROM items WHERE sku ILIKE '%ball valve%' OR name ILIKE '%ball valve%'");
        Assert.Equal(matches.Count, plan.Single(n => n.Type == "CTE Scan").Rows);
    }

    [Fact]
    public async Task A_category_filter_reads_one_short_index_range_per_category_of_its_subtree_in_both_directions()
    {
        var connectionString = await CatalogAsync();
        // The top-level category whose SKUs sort last: walking the SKU index reads most of the catalog to reach it.
        var (categoryId, subtree) = await LastCategoryAsync(connectionString);

        foreach (var descending in new[] { false, true })
        {
            var query = new ItemListQuery(null, categoryId, null, false, "active", "sku", descending);
            var (first, plan) = await RunAsync(connectionString, query);

            var order = descending ? "DESC" : "";
            var expected = await SkusAsync(connectionString, $"""
                SELECT i.sku FROM items i JOIN categories c ON c.id = i.category_id
                WHERE NOT i.is_archived AND c.path_ids LIKE (SELECT path_ids FROM categories WHERE id = '{categoryId}') || '%'
                ORDER BY i.sku_normalized {order}, i.id {order} LIMIT 50
                """);
            Assert.Equal(expected.Take(PageSize), first.Items.Select(r => r.Sku));
            Assert.Contains(plan, n => n.Index == "ix_items_category_id_sku_normalized_id");
            Assert.DoesNotContain(plan, n => n.Index == "ix_items_sku_normalized");
            var itemRowsRead = plan.Where(n => n.Relation == "items").Sum(n => n.Rows * n.Loops);
            Assert.True(itemRowsRead <= (PageSize + 1) * subtree, $"read {itemRowsRead} item rows for a page of a {subtree}-category subtree");

            // The next page continues where the first ended.
            var last = first.Items[^1];
            var (second, _) = await RunAsync(connectionString, query, [ItemRules.SkuKey(last.Sku), last.Id.ToString()]);
            Assert.Equal(expected.Skip(PageSize).Take(PageSize), second.Items.Select(r => r.Sku));
        }
    }

    private Task<string> CatalogAsync() => Generated.ConnectionStringAsync(fixture.Postgres);

    private static CatalogDbContext Context(string connectionString, QueryPlans.PlanCapture? capture) =>
        GeneratedCatalog.Context(connectionString, capture);

    private static async Task<(Inventory.ServiceDefaults.Kit.Page<ItemDto> Page, List<QueryPlans.PlanNode> Plan)> RunAsync(string connectionString,
        ItemListQuery query, string[]? after = null)
    {
        var capture = new QueryPlans.PlanCapture();
        await using var db = Context(connectionString, capture);
        var page = await query.RunAsync(db, PageSize, after, CancellationToken.None);
        Assert.NotNull(page);
        // The page query is the list's last command (the category's path is looked up first).
        return (page, QueryPlans.PlanNode.Flatten(capture.Plans[^1]));
    }

    private static async Task<(Guid Id, int Subtree)> LastCategoryAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT top.id, (SELECT count(*) FROM categories d WHERE d.path_ids LIKE top.path_ids || '%')::int
            FROM categories top
            WHERE top.depth = 1 AND (SELECT count(*) FROM categories d WHERE d.path_ids LIKE top.path_ids || '%') > 1
            ORDER BY (SELECT min(i.sku_normalized) FROM items i JOIN categories d ON d.id = i.category_id
                      WHERE d.path_ids LIKE top.path_ids || '%') DESC
            LIMIT 1
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetGuid(0), reader.GetInt32(1));
    }

    private static async Task<List<string>> SkusAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var skus = new List<string>();
        while (await reader.ReadAsync())
            skus.Add(reader.GetString(0));
        return skus;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
