using System.Net;
using System.Net.Http.Json;
using Inventory.CatalogService.Data;
using Inventory.CatalogService.Stock;
using Inventory.ServiceDefaults;
using Inventory.ServiceDefaults.Kit;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Inventory.Tests.Service.Catalog;

/// <summary>
/// The background fold of the dashboard's change log (DashboardFold): one tick empties the log into totals equal to a
/// fresh count, with no dashboard read; racing the dashboard's own fold and writers it counts every change once; it
/// skips while another session folds; and a tick with the database unreachable leaves the service folding on the next.
/// </summary>
[Collection(ServicesCollection.Name)]
public sealed class DashboardFoldTests(ServicesFixture fixture) : IAsyncLifetime
{
    private readonly HttpClient _manager = fixture.Catalog.CreateClientAs(Roles.Manager);
    private readonly CatalogTestData _data = new(fixture);
    private DashboardFold Fold => fixture.Catalog.Services.GetRequiredService<DashboardFold>();

    public Task InitializeAsync() => _data.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task One_fold_after_writes_empties_the_log_into_totals_equal_to_a_fresh_count_without_a_dashboard_read()
    {
        var tools = await _data.CategoryAsync("Tools");
        var wh = await _data.WarehouseAsync("WH1");
        var hammer = await _data.ItemAsync("HAMMER", unitCost: 12m, reorderPoint: 5, categoryId: tools.Id);
        var bolt = await _data.ItemAsync("BOLT", unitCost: 0.25m, reorderPoint: 100);
        await _data.ReceiveAsync(hammer.Id, wh.Id, 8);
        (await _manager.PostAsJsonAsync("/api/movements/issues", new { itemId = hammer.Id, locationId = wh.Id, quantity = 4 })).EnsureSuccessStatusCode();
        var archive = new HttpRequestMessage(HttpMethod.Post, $"/api/items/{bolt.Id}/archive");
        archive.Headers.Add(IdempotencyRules.HeaderName, Guid.NewGuid().ToString());
        (await _manager.SendAsync(archive)).EnsureSuccessStatusCode();
        Assert.True(await _data.ScalarAsync<long>("SELECT count(*) FROM stock_value_changes") > 0);

        var result = await FoldAsync();

        Assert.True(result.Rows > 0);
        Assert.Equal(0L, await _data.ScalarAsync<long>("SELECT count(*) FROM stock_value_changes"));
        Assert.Equal(0L, await _data.ScalarAsync<long>(DashboardRollupTests.Mismatches));
        // The totals alone (the log is empty) hold the figures: tools one low hammer worth 4 × 12, the archived bolt gone.
        Assert.Equal(1L, await _data.ScalarAsync<long>(
            "SELECT count(*) FROM category_stock_totals WHERE category_key = $1 AND items = 1 AND low = 1 AND value = 48", tools.Id));
        Assert.Equal(0L, await _data.ScalarAsync<long>(
            "SELECT count(*) FROM category_stock_totals WHERE category_key <> $1 AND (items <> 0 OR low <> 0 OR value <> 0)", tools.Id));
    }

    [Fact]
    public async Task A_log_longer_than_a_batch_is_folded_in_batches_in_one_tick()
    {
        // Net-zero rows (+1 and −1 of value): the figures stay what the ledger says; only the batching shows.
        var rows = 2 * DashboardRollupSql.FoldBatch + 124; // even: the +1s and −1s cancel
        await _data.ExecuteAsync("INSERT INTO stock_value_changes SELECT NULL, 0, 0, CASE WHEN n % 2 = 0 THEN 1 ELSE -1 END FROM generate_series(1, $1) n", rows);

        var result = await FoldAsync();

        Assert.Equal((DashboardFold.Outcome.Folded, rows), (result.Outcome, result.Rows));
        Assert.Equal(0L, await _data.ScalarAsync<long>("SELECT count(*) FROM stock_value_changes"));
        Assert.Equal(0L, await _data.ScalarAsync<long>(DashboardRollupTests.Mismatches));
    }

    [Fact]
    public async Task A_fold_skips_while_another_session_holds_the_folders_lock()
    {
        var wh = await _data.WarehouseAsync("WH1");
        var item = await _data.ItemAsync("VALVE", unitCost: 2m);
        await _data.ReceiveAsync(item.Id, wh.Id, 10);
        var logged = await _data.ScalarAsync<long>("SELECT count(*) FROM stock_value_changes");

        await using (var other = new NpgsqlConnection(fixture.Postgres.ConnectionString(ResourceNames.CatalogDb)))
        {
            await other.OpenAsync();
            await using var transaction = await other.BeginTransactionAsync();
            await using (var take = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({DashboardRollupSql.FoldLock})", other, transaction))
                await take.ExecuteNonQueryAsync();

            Assert.Equal(new DashboardFold.Result(DashboardFold.Outcome.LockTaken, 0), await Fold.FoldOnceAsync(CancellationToken.None));
            Assert.Equal(logged, await _data.ScalarAsync<long>("SELECT count(*) FROM stock_value_changes"));
        }

        await FoldAsync();
        Assert.Equal(0L, await _data.ScalarAsync<long>("SELECT count(*) FROM stock_value_changes"));
        Assert.Equal(0L, await _data.ScalarAsync<long>(DashboardRollupTests.Mismatches));
    }

    [Fact]
    public async Task Folds_racing_dashboard_reads_and_writers_count_every_change_exactly_once()
    {
        var tools = await _data.CategoryAsync("Tools");
        var wh = await _data.WarehouseAsync("WH1");
        var items = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            var item = await _data.ItemAsync($"RACE-{i}", unitCost: 1.5m + i, reorderPoint: 20, categoryId: i % 2 == 0 ? tools.Id : null);
            items.Add(item.Id);
            await _data.ReceiveAsync(item.Id, wh.Id, 30);
        }
        using var done = new CancellationTokenSource();

        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            var random = new Random(w);
            for (var n = 0; n < 15; n++)
            {
                var item = items[random.Next(items.Count)];
                using var response = n % 2 == 0
                    ? await _manager.PostAsJsonAsync("/api/movements/receipts", new { itemId = item, locationId = wh.Id, quantity = 3 })
                    : await _manager.PostAsJsonAsync("/api/movements/issues", new { itemId = item, locationId = wh.Id, quantity = 2 });
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            }
        })).ToList();
        var folders = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            var folds = 0;
            while (!done.IsCancellationRequested)
                folds += (await Fold.FoldOnceAsync(CancellationToken.None)).Outcome == DashboardFold.Outcome.Folded ? 1 : 0;
            return folds;
        })).ToList();
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                using var response = await _manager.GetAsync("/api/dashboard");
                response.EnsureSuccessStatusCode();
            }
        })).ToList();

        await Task.WhenAll(writers);
        await done.CancelAsync();
        Assert.True((await Task.WhenAll(folders)).Sum() > 0);
        await Task.WhenAll(readers);

        Assert.Equal(0L, await _data.ScalarAsync<long>(DashboardRollupTests.Mismatches));
        await FoldAsync();
        Assert.Equal(0L, await _data.ScalarAsync<long>("SELECT count(*) FROM stock_value_changes"));
        Assert.Equal(0L, await _data.ScalarAsync<long>(DashboardRollupTests.Mismatches));
        var dashboard = (await _manager.GetFromJsonAsync<DashboardDto>("/api/dashboard"))!;
        Assert.Equal(await _data.ScalarAsync<decimal>("SELECT sum(t.on_hand * i.unit_cost) FROM item_stock_totals t JOIN items i ON i.id = t.item_id"),
            dashboard.StockValue);
        Assert.Equal(await _data.ScalarAsync<int>("SELECT count(*)::int FROM item_stock_totals WHERE on_hand <= reorder_point"),
            dashboard.LowStockCount);
    }

    [Fact]
    public void The_catalog_runs_the_fold_as_a_hosted_service()
    {
        Assert.Contains(fixture.Catalog.Services.GetServices<IHostedService>(), s => ReferenceEquals(s, Fold));
    }

    [Fact]
    public async Task A_tick_with_the_database_unreachable_is_logged_and_the_next_tick_folds()
    {
        // A database of its own: the test host's fold never touches it, so only this service's ticks fold it.
        const string database = "catalog_fold_ticks";
        await fixture.EnsureDatabaseAsync(database);
        var reachable = fixture.Postgres.ConnectionString(database);
        var target = new ConnectionTarget { Value = reachable };
        await using var services = Services(target);
        await using (var scope = services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<CatalogDbContext>().Database.MigrateAsync();
        await fixture.ResetAsync(database);
        await ExecuteAsync(reachable, "INSERT INTO stock_value_changes SELECT NULL, 0, 0, 1 FROM generate_series(1, 10)");
        var clock = new ManualClock();
        var interval = TimeSpan.FromSeconds(5);
        var log = new CapturingLoggerProvider();
        using var loggers = new LoggerFactory([log]);
        var fold = new DashboardFold(services.GetRequiredService<IServiceScopeFactory>(), new MigrationStatus<CatalogDbContext> { Completed = true },
            clock, loggers.CreateLogger<DashboardFold>(), interval);
        await fold.StartAsync(CancellationToken.None);
        try
        {
            // Nothing listens on port 1: the connection is refused at once.
            target.Value = new NpgsqlConnectionStringBuilder(reachable) { Port = 1 }.ConnectionString;
            await TickUntilAsync(clock, interval, () => Task.FromResult(log.Entries.Any(e => e.Level == LogLevel.Warning)));
            Assert.False(fold.ExecuteTask!.IsCompleted);
            Assert.Equal(10L, await ScalarAsync(reachable, "SELECT count(*) FROM stock_value_changes"));

            target.Value = reachable;
            await TickUntilAsync(clock, interval, async () => await ScalarAsync(reachable, "SELECT count(*) FROM stock_value_changes") == 0);
            Assert.Equal(10L, await ScalarAsync(reachable, "SELECT value::bigint FROM category_stock_totals"));
            Assert.False(fold.ExecuteTask.IsCompleted);
        }
        finally
        {
            await fold.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>Folds once as a tick would, trying again while another folder (a racing dashboard read) holds the lock.</summary>
    private async Task<DashboardFold.Result> FoldAsync()
    {
        while (true)
        {
            var result = await Fold.FoldOnceAsync(CancellationToken.None);
            if (result.Outcome == DashboardFold.Outcome.Folded)
                return result;
            await Task.Delay(20);
        }
    }

    private sealed class ConnectionTarget
    {
        public volatile string Value = "";
    }

    /// <summary>A catalog context whose connection string is read at each scope, so a test can make the database unreachable.</summary>
    private static ServiceProvider Services(ConnectionTarget target) => new ServiceCollection()
        .AddDbContext<CatalogDbContext>(o => o.UseNpgsql(target.Value).UseSnakeCaseNamingConvention())
        .BuildServiceProvider();

    /// <summary>
    /// Moves the clock one interval at a time until the condition holds: the service starts its timer on a thread of its
    /// own (BackgroundService), so a single early step could pass before the timer exists.
    /// </summary>
    private static async Task TickUntilAsync(ManualClock clock, TimeSpan interval, Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!await condition())
        {
            clock.Advance(interval);
            await Task.Delay(50, timeout.Token);
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
