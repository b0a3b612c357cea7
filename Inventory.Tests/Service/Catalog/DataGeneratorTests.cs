using System.Net.Http.Json;
using Inventory.CatalogService.Data;
using Inventory.CatalogService.Items;
using Inventory.CatalogService.Seeding;
using Inventory.ServiceDefaults;
using Inventory.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Inventory.Tests.Service.Catalog;

[Collection(ServicesCollection.Name)]
public sealed class DataGeneratorTests(ServicesFixture fixture)
{
    private async Task<string> FreshDatabaseAsync()
    {
        var name = $"catalog_gen_{Guid.NewGuid():N}";
        await fixture.Postgres.CreateDatabaseAsync(name);
        var connectionString = fixture.Postgres.ConnectionString(name);
        await using var db = new CatalogDbContext(new DbContextOptionsBuilder<CatalogDbContext>().UseNpgsql(connectionString).UseSnakeCaseNamingConvention().Options);
        await db.Database.MigrateAsync();
        return connectionString;
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Generated_data_is_consistent_balances_equal_the_ledger_and_nothing_is_negative()
    {
        var connectionString = await FreshDatabaseAsync();

        var result = await new CatalogDataGenerator(items: 300, movements: 4000, days: 60, warehouses: 2).WriteAsync(connectionString);

        Assert.Equal((300, 4000), (result.Items, result.Movements));
        Assert.Equal(4000, await ScalarAsync(connectionString, "SELECT count(*) FROM movements"));
        Assert.Equal(0, await ScalarAsync(connectionString, """
            SELECT count(*) FROM stock_levels s
            WHERE s.on_hand <> (SELECT coalesce(sum(quantity), 0) FROM movements m WHERE m.item_id = s.item_id AND m.location_id = s.location_id)
            """));
        Assert.Equal(0, await ScalarAsync(connectionString, """
            SELECT count(*) FROM items i JOIN item_stock_totals t ON t.item_id = i.id WHERE t.on_hand <> (SELECT coalesce(sum(on_hand), 0) FROM stock_levels s WHERE s.item_id = i.id)
            """));
        Assert.Equal(0, await ScalarAsync(connectionString, """
            SELECT count(*) FROM (SELECT balance_after, sum(quantity) OVER (PARTITION BY item_id, location_id ORDER BY seq) AS running FROM movements) t
            WHERE balance_after <> running OR running < 0
            """));
        Assert.True(await ScalarAsync(connectionString, "SELECT count(DISTINCT type) FROM movements") >= 4);
        // Each location can be scanned by its code, as one made on the location form without a barcode.
        Assert.Equal(0, await ScalarAsync(connectionString, "SELECT count(*) FROM locations WHERE barcode IS DISTINCT FROM code"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => new CatalogDataGenerator(10, 10).WriteAsync(connectionString));
    }

    [Fact]
    public async Task The_development_seeder_fills_an_empty_catalog_when_enabled()
    {
        var connectionString = await FreshDatabaseAsync();
        await using var factory = fixture.Catalog.WithWebHostBuilder(builder => builder
            .UseSetting($"ConnectionStrings:{ResourceNames.CatalogDb}", connectionString)
            .UseSetting(DevelopmentSeeder.EnabledSetting, "true")
            .UseSetting("Seed:Items", "120")
            .UseSetting("Seed:Movements", "900"));
        _ = factory.CreateClient();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await ScalarAsync(connectionString, "SELECT count(*) FROM movements") < 900)
            await Task.Delay(200, timeout.Token);

        Assert.Equal(120, await ScalarAsync(connectionString, "SELECT count(*) FROM items"));
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", fixture.Tokens.UserToken(ResourceNames.Catalog, Inventory.ServiceDefaults.Security.Roles.Viewer));
        var page = (await client.GetFromJsonAsync<Page<ItemDto>>("/api/items?pageSize=5"))!;
        Assert.Equal(5, page.Items.Count);
        Assert.All(page.Items, i => Assert.NotNull(i.CategoryPath));
    }
}
