using System.Net;
using System.Net.Http.Json;
using Inventory.CatalogService.Counts;
using Inventory.CatalogService.Data;
using Inventory.CatalogService.Stock;
using Inventory.ServiceDefaults;
using Inventory.ServiceDefaults.Kit;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;
using Npgsql;

namespace Inventory.Tests.Service.Catalog;

/// <summary>
/// The dashboard's rollups (DashboardRollupSql) equal what they summarise — the ledger and the stock totals — after
/// racing writers and concurrent multi-item postings, after a unit cost or SKU change, and after a rebuild.
/// </summary>
[Collection(ServicesCollection.Name)]
public sealed class DashboardRollupTests(ServicesFixture fixture) : IAsyncLifetime
{
    /// <summary>
    /// Rows in which a rollup and a fresh aggregate of what it summarises differ (both directions): per-day movements
    /// and value (valued at today's costs: the tests change no cost before comparing), per item and day, per category.
    /// </summary>
    public const string Mismatches = $"""
        WITH ledger_days AS (
                SELECT (m.occurred_at AT TIME ZONE 'UTC')::date AS day, count(*) AS n, sum(m.quantity * i.unit_cost) AS v
                FROM movements m JOIN items i ON i.id = m.item_id GROUP BY 1),
             rollup_days AS (SELECT day, sum(movements) AS n, sum(value_change) AS v FROM movement_day_totals GROUP BY day),
             ledger_items AS (
                SELECT (occurred_at AT TIME ZONE 'UTC')::date AS day, item_id, count(*)::int AS n, sum(abs(quantity)) AS u
                FROM movements GROUP BY 1, 2),
             rollup_items AS (SELECT day, item_id, movements AS n, units AS u FROM item_movement_days),
             totals AS (
                SELECT coalesce(i.category_id, '{DashboardRollupSql.NoCategory}') AS k, count(*) FILTER (WHERE NOT i.is_archived) AS n,
                       count(*) FILTER (WHERE t.on_hand <= t.reorder_point AND NOT i.is_archived) AS low, sum(t.on_hand * i.unit_cost) AS v
                FROM items i JOIN item_stock_totals t ON t.item_id = i.id GROUP BY 1
                -- A category of archived items without stock is all zeros: as good as no row (the rollup's side drops those too).
                HAVING count(*) FILTER (WHERE NOT i.is_archived) <> 0 OR sum(t.on_hand * i.unit_cost) <> 0),
             rollup_totals AS (
                SELECT k, sum(n) AS n, sum(low) AS low, sum(v) AS v FROM (
                    SELECT category_key AS k, items AS n, low, value AS v FROM category_stock_totals
                    UNION ALL SELECT coalesce(category_id, '{DashboardRollupSql.NoCategory}'), items, low, value FROM stock_value_changes) c
                GROUP BY k HAVING sum(n) <> 0 OR sum(low) <> 0 OR sum(v) <> 0)
        SELECT (SELECT count(*) FROM (SELECT * FROM ledger_days EXCEPT SELECT * FROM rollup_days) a)
             + (SELECT count(*) FROM (SELECT * FROM rollup_days EXCEPT SELECT * FROM ledger_days) b)
             + (SELECT count(*) FROM (SELECT * FROM ledger_items EXCEPT SELECT * FROM rollup_items) c)
             + (SELECT count(*) FROM (SELECT * FROM rollup_items EXCEPT SELECT * FROM ledger_items) d)
             + (SELECT count(*) FROM (SELECT * FROM totals EXCEPT SELECT * FROM rollup_totals) e)
             + (SELECT count(*) FROM (SELECT * FROM rollup_totals EXCEPT SELECT * FROM totals) f)
        """;

    private readonly HttpClient _manager = fixture.Catalog.CreateClientAs(Roles.Manager);
    private readonly CatalogTestData _data = new(fixture);

    public Task InitializeAsync() => _data.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Racing_writers_and_concurrent_multi_item_count_posts_leave_every_rollup_equal_to_the_ledger()
    {
        var tools = await _data.CategoryAsync("Tools");
        var wh = await _data.WarehouseAsync("WH1");
        var bins = new[] { await _data.BinAsync("A-01", wh.Id), await _data.BinAsync("A-02", wh.Id) };
        var items = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            var item = await _data.ItemAsync($"RACE-{i}", unitCost: 1.5m + i, reorderPoint: 30, categoryId: i % 2 == 0 ? tools.Id : null);
            items.Add(item.Id);
            foreach (var bin in bins)
                await _data.ReceiveAsync(item.Id, bin.Id, 40);
        }
        // Two counts, one per bin, each over all six items: their posts book several items in one transaction each.
        var counts = new List<CountSessionDto>();
        foreach (var bin in bins)
        {
            var count = await (await _manager.PostAsJsonAsync("/api/counts", new { locationId = bin.Id })).ReadAsync<CountSessionDto>(HttpStatusCode.Created);
            await _manager.PutAsJsonAsync($"/api/counts/{count.Id}/lines",
                new { lines = items.Select((id, i) => new { itemId = id, countedQuantity = 35 + i }) });
            counts.Add(count);
        }

        // Eight writers on random items (receipts, issues, transfers between the bins) race the two posts.
        var writers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            var random = new Random(w);
            var statuses = new List<HttpStatusCode>();
            for (var n = 0; n < 12; n++)
            {
                var item = items[random.Next(items.Count)];
                var (from, to) = random.Next(2) == 0 ? (bins[0], bins[1]) : (bins[1], bins[0]);
                using var response = (n % 3) switch
                {
                    0 => await _manager.PostAsJsonAsync("/api/movements/receipts", new { itemId = item, locationId = from.Id, quantity = 2 }),
                    1 => await _manager.PostAsJsonAsync("/api/movements/issues", new { itemId = item, locationId = from.Id, quantity = 1 }),
                    _ => await _manager.PostAsJsonAsync("/api/movements/transfers",
                        new { itemId = item, fromLocationId = from.Id, toLocationId = to.Id, quantity = 1 }),
                };
                statuses.Add(response.StatusCode);
            }
            return statuses;
        })).ToList();
        var posts = counts.Select(c => Task.Run(async () => (await _manager.PostAsync($"/api/counts/{c.Id}/post", null)).StatusCode)).ToList();

        Assert.All((await Task.WhenAll(writers)).SelectMany(s => s), s => Assert.Equal(HttpStatusCode.Created, s));
        Assert.All(await Task.WhenAll(posts), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.True(await _data.ScalarAsync<long>("SELECT count(*) FROM movements WHERE type = 'count'") > 0);
        Assert.Equal(0L, await _data.ScalarAsync<long>(Mismatches));

        // The dashboard reads the same figures (and folds the change log on the way).
        var dashboard = (await _manager.GetFromJsonAsync<DashboardDto>("/api/dashboard"))!;
        Assert.Equal(await _data.ScalarAsync<decimal>("SELECT sum(t.on_hand * i.unit_cost) FROM item_stock_totals t JOIN items i ON i.id = t.item_id"),
            dashboard.StockValue);
        Assert.Equal(await _data.ScalarAsync<int>("SELECT count(*)::int FROM movements"), dashboard.MovementsToday);
        Assert.Equal(await _data.ScalarAsync<int>("SELECT count(*)::int FROM item_stock_totals WHERE on_hand <= reorder_point"),
            dashboard.LowStockCount);
        Assert.Equal(0L, await _data.ScalarAsync<long>("SELECT count(*) FROM stock_value_changes"));
        Assert.Equal(0L, await _data.ScalarAsync<long>(Mismatches));
    }

    [Fact]
    public async Task Rebuilding_the_rollups_from_the_ledger_gives_what_the_triggers_kept()
    {
        var wh = await _data.WarehouseAsync("WH1");
        var bolt = await _data.ItemAsync("BOLT", unitCost: 0.5m, reorderPoint: 100);
        var hammer = await _data.ItemAsync("HAMMER", unitCost: 12m);
        await _data.ReceiveAsync(bolt.Id, wh.Id, 40);
        await _data.ReceiveAsync(hammer.Id, wh.Id, 3);
        (await _manager.PostAsJsonAsync("/api/movements/issues", new { itemId = hammer.Id, locationId = wh.Id, quantity = 1 })).EnsureSuccessStatusCode();
        var before = (await _manager.GetFromJsonAsync<DashboardDto>("/api/dashboard"))!;
        var kept = await _data.ScalarAsync<string>(Snapshot);

        await using (var connection = new NpgsqlConnection(fixture.Postgres.ConnectionString(ResourceNames.CatalogDb)))
        {
            await connection.OpenAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await using var rebuild = new NpgsqlCommand(DashboardRollupSql.Backfill, connection, transaction);
            await rebuild.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }

        Assert.Equal(kept, await _data.ScalarAsync<string>(Snapshot));
        Assert.Equal(0L, await _data.ScalarAsync<long>(Mismatches));
        var after = (await _manager.GetFromJsonAsync<DashboardDto>("/api/dashboard"))!;
        Assert.Equal((before.ItemCount, before.StockValue, before.LowStockCount, before.MovementsToday),
            (after.ItemCount, after.StockValue, after.LowStockCount, after.MovementsToday));
        Assert.Equal(before.TopMovers, after.TopMovers);
        Assert.Equal(before.ValueTrend, after.ValueTrend);
    }

    [Fact]
    public async Task A_unit_cost_change_books_a_revaluation_so_earlier_days_keep_their_value()
    {
        var wh = await _data.WarehouseAsync("WH1");
        var item = await _data.ItemAsync("VALVE", unitCost: 2m);
        await _data.ReceiveAsync(item.Id, wh.Id, 10);

        (await _manager.PutAsJsonAsync($"/api/items/{item.Id}", new
        {
            item.Sku, item.Name, item.Unit, unitCost = 3m, item.ReorderPoint, item.ReorderQuantity, version = item.Version,
        })).EnsureSuccessStatusCode();
        var dashboard = (await _manager.GetFromJsonAsync<DashboardDto>("/api/dashboard"))!;

        Assert.Equal(30m, dashboard.StockValue);
        Assert.Equal(30m, dashboard.ValueTrend[^1].Value);
        // The receipt (20 at the cost it was booked at) and the revaluation (10 × 1) were both today: nothing before.
        Assert.Equal(0m, dashboard.ValueTrend[^2].Value);
        Assert.Equal(30m, await _data.ScalarAsync<decimal>("SELECT sum(value_change) FROM movement_day_totals"));
        Assert.Equal([("Uncategorized", 30m)], dashboard.StockValueByCategory.Select(c => (c.Category, c.Value)));
    }

    [Fact]
    public async Task A_sku_change_moves_the_item_in_the_low_stock_list_and_its_totals_copy()
    {
        await _data.ItemAsync("BBB", reorderPoint: 5);
        var first = await _data.ItemAsync("AAA", reorderPoint: 5);
        await _data.ItemAsync("CCC"); // on hand 0 at reorder point 0: low too
        (await _manager.PutAsJsonAsync($"/api/items/{first.Id}", new
        {
            sku = "zzz", first.Name, first.Unit, first.UnitCost, first.ReorderPoint, first.ReorderQuantity, version = first.Version,
        })).EnsureSuccessStatusCode();

        var low = (await _manager.GetFromJsonAsync<Page<LowStockDto>>("/api/stock/low?pageSize=2"))!;
        var next = (await _manager.GetFromJsonAsync<Page<LowStockDto>>($"/api/stock/low?pageSize=2&after={low.NextCursor}"))!;

        Assert.Equal(["BBB", "CCC", "zzz"], low.Items.Concat(next.Items).Select(i => i.Sku));
        Assert.Equal("ZZZ", await _data.ScalarAsync<string>("SELECT sku_normalized FROM item_stock_totals WHERE item_id = $1", first.Id));
        Assert.Equal(0L, await _data.ScalarAsync<long>(
            "SELECT count(*) FROM item_stock_totals t JOIN items i ON i.id = t.item_id WHERE t.sku_normalized <> i.sku_normalized"));
    }

    [Fact]
    public async Task Archiving_an_item_takes_it_out_of_the_low_stock_list_and_its_index_and_unarchiving_brings_it_back()
    {
        await _data.ItemAsync("AAA", reorderPoint: 5);
        var gone = await _data.ItemAsync("BBB", reorderPoint: 5);
        await _data.ItemAsync("CCC", reorderPoint: 5);

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Post, $"/api/items/{gone.Id}/archive")).StatusCode);
        var archived = await LowSkusAsync();
        var archivedCopy = await _data.ScalarAsync<bool>("SELECT is_archived FROM item_stock_totals WHERE item_id = $1", gone.Id);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Post, $"/api/items/{gone.Id}/unarchive")).StatusCode);

        Assert.Equal(["AAA", "CCC"], archived);
        // The copy is what the partial index's predicate reads (NOT is_archived): true means out of the index.
        Assert.True(archivedCopy);
        Assert.Equal(["AAA", "BBB", "CCC"], await LowSkusAsync());
        Assert.False(await _data.ScalarAsync<bool>("SELECT is_archived FROM item_stock_totals WHERE item_id = $1", gone.Id));
        Assert.Equal(0L, await _data.ScalarAsync<long>(
            "SELECT count(*) FROM item_stock_totals t JOIN items i ON i.id = t.item_id WHERE t.is_archived <> i.is_archived"));
    }

    private async Task<List<string>> LowSkusAsync() =>
        (await _manager.GetFromJsonAsync<Page<LowStockDto>>("/api/stock/low?pageSize=10"))!.Items.Select(i => i.Sku).ToList();

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add(IdempotencyRules.HeaderName, Guid.NewGuid().ToString());
        return _manager.SendAsync(request);
    }

    [Fact]
    public async Task A_closed_day_that_changes_is_read_again_for_the_top_movers()
    {
        var wh = await _data.WarehouseAsync("WH1");
        var old = await _data.ItemAsync("OLD");
        var late = await _data.ItemAsync("LATE");
        // History written straight into the ledger (as a bulk load would): the triggers fill the rollups.
        const string backdated = """
            INSERT INTO movements (id, item_id, location_id, quantity, balance_after, type, user_id, occurred_at)
            SELECT gen_random_uuid(), $1, $2, 1, 1, 'receipt', 'test', now() - make_interval(days => $3) FROM generate_series(1, $4)
            """;
        await _data.ExecuteAsync(backdated, old.Id, wh.Id, 2, 3);
        var first = (await _manager.GetFromJsonAsync<DashboardDto>("/api/dashboard"))!;

        await _data.ExecuteAsync(backdated, late.Id, wh.Id, 3, 5); // a closed day changes after it was read
        var second = (await _manager.GetFromJsonAsync<DashboardDto>("/api/dashboard"))!;

        Assert.Equal([("OLD", 3)], first.TopMovers.Select(m => (m.Sku, m.Movements)));
        Assert.Equal([("LATE", 5), ("OLD", 3)], second.TopMovers.Select(m => (m.Sku, m.Movements)));
        Assert.Equal(8, second.MovementsPerDay.Sum(d => d.Count));
        Assert.Equal(0, second.MovementsToday);
    }

    /// <summary>Every rollup row, as text (the rebuild puts all of a day in shard 0, so days are summed over shards).</summary>
    private const string Snapshot = """
        SELECT concat_ws(' | ',
            (SELECT string_agg(concat(day, ':', n, ':', v), ',' ORDER BY day)
             FROM (SELECT day, sum(movements) AS n, sum(value_change) AS v FROM movement_day_totals GROUP BY day) d),
            (SELECT string_agg(concat(day, ':', item_id, ':', movements, ':', units), ',' ORDER BY day, item_id) FROM item_movement_days),
            (SELECT string_agg(concat(k, ':', n, ':', low, ':', v), ',' ORDER BY k) FROM (
                SELECT k, sum(n) AS n, sum(low) AS low, sum(v) AS v FROM (
                    SELECT category_key AS k, items AS n, low, value AS v FROM category_stock_totals
                    UNION ALL SELECT coalesce(category_id, '00000000-0000-0000-0000-000000000000'), items, low, value FROM stock_value_changes) c
                GROUP BY k) t))
        """;
}
