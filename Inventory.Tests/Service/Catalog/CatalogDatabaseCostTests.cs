using Inventory.CatalogService.Data;
using Inventory.ServiceDefaults;
using Inventory.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Inventory.Tests.Service.Catalog;

/// <summary>
/// What the catalog's database work costs (issue 14): a movement leaves the item row alone and updates its balance
/// in place, and the service's connections keep their prepared statements. The plans of the list's searches and
/// category filter are checked on a generated catalog in <see cref="ItemListPlanTests"/>.
/// </summary>
[Collection(ServicesCollection.Name)]
public sealed class CatalogDatabaseCostTests(ServicesFixture fixture) : IAsyncLifetime
{
    private readonly CatalogTestData _data = new(fixture);

    public Task InitializeAsync() => _data.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Movements_leave_the_item_row_untouched_and_update_the_balance_row_in_place()
    {
        var item = await _data.ItemAsync("HOT-1", reorderPoint: 100);
        var warehouse = await _data.WarehouseAsync("HOT-WH");
        await _data.ReceiveAsync(item.Id, warehouse.Id, 1);
        var rowBefore = await _data.ScalarAsync<string>("SELECT xmin::text || ' ' || ctid::text FROM items WHERE id = $1", item.Id);

        for (var i = 0; i < 5; i++)
            await _data.ReceiveAsync(item.Id, warehouse.Id, 2);

        // Not one new version of the item row: its indexes (trigram GINs, SKU, name …) got no entry from the movements.
        Assert.Equal(rowBefore, await _data.ScalarAsync<string>("SELECT xmin::text || ' ' || ctid::text FROM items WHERE id = $1", item.Id));
        Assert.Equal(11m, await _data.ScalarAsync<decimal>("SELECT on_hand FROM item_stock_totals WHERE item_id = $1", item.Id));
        // The balance's new versions are heap-only tuples (HOT): no index of stock_levels was written for them.
        await _data.ExecuteAsync("CREATE EXTENSION IF NOT EXISTS pageinspect");
        var heapOnly = await _data.ScalarAsync<long>("""
            SELECT count(*) FROM heap_page_items(get_raw_page('stock_levels', 0)) WHERE t_infomask2 & 32768 <> 0
            """);
        Assert.True(heapOnly >= 1, $"no HOT version of the stock level ({heapOnly})");

        // The item reads as before: its total, and low stock against its reorder point.
        var list = await fixture.Catalog.CreateClientAs(Inventory.ServiceDefaults.Security.Roles.Viewer)
            .GetAsync("/api/stock/low?pageSize=10");
        Assert.Contains("HOT-1", await list.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_services_connections_prepare_repeated_statements_and_are_not_reset_at_checkout()
    {
        await using var scope = fixture.Catalog.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
        var settings = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
        Assert.True(settings.NoResetOnClose);
        Assert.True(settings.MaxAutoPrepare > 0);

        await db.Database.OpenConnectionAsync();
        for (var i = 0; i < 3; i++)
            await db.Items.CountAsync(x => x.Sku == "NONE");
        var prepared = await db.Database.SqlQueryRaw<long>("SELECT count(*) AS \"Value\" FROM pg_prepared_statements").SingleAsync();
        Assert.True(prepared >= 1, "the repeated statement was not prepared on the server");
    }
}
