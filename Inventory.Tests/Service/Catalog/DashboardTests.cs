using System.Net.Http.Json;
using Inventory.CatalogService.Stock;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.Service.Catalog;

[Collection(ServicesCollection.Name)]
public sealed class DashboardTests(ServicesFixture fixture) : IAsyncLifetime
{
    private readonly HttpClient _client = fixture.Catalog.CreateClientAs(Roles.Manager);
    private readonly CatalogTestData _data = new(fixture);

    public Task InitializeAsync() => _data.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Dashboard_reports_counts_value_low_stock_movements_and_value_by_top_level_category()
    {
        var hardware = await _data.CategoryAsync("Hardware");
        var bolts = await _data.CategoryAsync("Bolts", hardware.Id);
        var tools = await _data.CategoryAsync("Tools");
        var wh = await _data.WarehouseAsync("WH1");
        var bolt = await _data.ItemAsync("BOLT", unitCost: 0.5m, reorderPoint: 100, categoryId: bolts.Id);
        var hammer = await _data.ItemAsync("HAMMER", unitCost: 12m, reorderPoint: 1, categoryId: tools.Id);
        var loose = await _data.ItemAsync("LOOSE", unitCost: 2m);
        await _data.ReceiveAsync(bolt.Id, wh.Id, 40);
        await _data.ReceiveAsync(hammer.Id, wh.Id, 3);
        await _data.ReceiveAsync(loose.Id, wh.Id, 1);
        (await _client.PostAsJsonAsync("/api/movements/issues", new { itemId = hammer.Id, locationId = wh.Id, quantity = 1 })).EnsureSuccessStatusCode();

        var dashboard = (await _client.GetFromJsonAsync<DashboardDto>("/api/dashboard"))!;

        Assert.Equal(3, dashboard.ItemCount);
        Assert.Equal(40 * 0.5m + 2 * 12m + 2m, dashboard.StockValue);
        Assert.Equal(1, dashboard.LowStockCount); // BOLT: 40 <= 100
        Assert.Equal(4, dashboard.MovementsToday);
        Assert.Equal([("Tools", 24m), ("Hardware", 20m), ("Uncategorized", 2m)],
            dashboard.StockValueByCategory.Select(c => (c.Category, c.Value)));
        Assert.Equal(30, dashboard.MovementsPerDay.Count);
        Assert.Equal(4, dashboard.MovementsPerDay[^1].Count);
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow), dashboard.MovementsPerDay[^1].Date);
        Assert.Equal(4, dashboard.MovementsPerDay.Sum(d => d.Count));
    }

    [Fact]
    public async Task Top_movers_rank_items_by_movements_then_units_and_the_value_trend_walks_back_from_today()
    {
        var wh = await _data.WarehouseAsync("WH1");
        var bolt = await _data.ItemAsync("BOLT", unitCost: 0.5m);
        var hammer = await _data.ItemAsync("HAMMER", unitCost: 12m);
        var loose = await _data.ItemAsync("LOOSE", unitCost: 2m);
        await _data.ItemAsync("IDLE", unitCost: 5m);
        await _data.ReceiveAsync(bolt.Id, wh.Id, 40);
        await _data.ReceiveAsync(hammer.Id, wh.Id, 3);
        await _data.ReceiveAsync(loose.Id, wh.Id, 1);
        (await _client.PostAsJsonAsync("/api/movements/issues", new { itemId = hammer.Id, locationId = wh.Id, quantity = 1 })).EnsureSuccessStatusCode();

        var dashboard = (await _client.GetFromJsonAsync<DashboardDto>("/api/dashboard"))!;

        // HAMMER: a receipt and an issue (4 units); BOLT and LOOSE one receipt each, BOLT with more units; IDLE never moved.
        Assert.Equal([("HAMMER", 2, 4m), ("BOLT", 1, 40m), ("LOOSE", 1, 1m)],
            dashboard.TopMovers.Select(m => (m.Sku, m.Movements, m.UnitsMoved)));
        Assert.Equal(hammer.Id, dashboard.TopMovers[0].ItemId);
        Assert.Equal(30, dashboard.ValueTrend.Count);
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow), dashboard.ValueTrend[^1].Date);
        Assert.Equal(40 * 0.5m + 2 * 12m + 2m, dashboard.ValueTrend[^1].Value);
        // Every movement was today, so at the end of each earlier day there was no stock to value.
        Assert.All(dashboard.ValueTrend.SkipLast(1), day => Assert.Equal(0m, day.Value));
    }
}
