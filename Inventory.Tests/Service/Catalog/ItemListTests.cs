using System.Net;
using System.Net.Http.Json;
using Inventory.CatalogService.Items;
using Inventory.CatalogService.Stock;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.Service.Catalog;

[Collection(ServicesCollection.Name)]
public sealed class ItemListTests(ServicesFixture fixture) : IAsyncLifetime
{
    private readonly HttpClient _client = fixture.Catalog.CreateClientAs(Roles.Manager);
    private readonly CatalogTestData _data = new(fixture);

    public Task InitializeAsync() => _data.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<List<ItemDto>> AllPagesAsync(string query, int pageSize)
    {
        var items = new List<ItemDto>();
        string? cursor = null;
        do
        {
            var page = (await _client.GetFromJsonAsync<Page<ItemDto>>($"/api/items?{query}&pageSize={pageSize}" + (cursor is null ? "" : $"&after={cursor}")))!;
            Assert.True(page.Items.Count <= pageSize);
            items.AddRange(page.Items);
            cursor = page.NextCursor;
        } while (cursor is not null);
        return items;
    }

    [Theory]
    [InlineData("sku", "asc")]
    [InlineData("sku", "desc")]
    [InlineData("name", "asc")]
    [InlineData("name", "desc")]
    [InlineData("onHand", "asc")]
    [InlineData("onHand", "desc")]
    [InlineData("updatedAt", "asc")]
    [InlineData("updatedAt", "desc")]
    public async Task Every_sort_order_pages_through_every_item_exactly_once_in_order(string sort, string dir)
    {
        var wh = await _data.WarehouseAsync("WH1");
        var created = new List<ItemDto>();
        // Repeated names and quantities: ties are broken by id, so no row is skipped or repeated across pages.
        for (var i = 0; i < 11; i++)
        {
            var item = await _data.ItemAsync($"S-{i:00}", name: $"Name {i % 3}");
            if (i % 4 != 0)
                await _data.ReceiveAsync(item.Id, wh.Id, i % 5 + 1);
            created.Add(item);
        }

        var listed = await AllPagesAsync($"sort={sort}&dir={dir}", pageSize: 3);

        Assert.Equal(created.Select(i => i.Id).Order(), listed.Select(i => i.Id).Order());
        Func<ItemDto, IComparable> key = sort switch
        {
            "name" => i => i.Name,
            "onHand" => i => i.OnHand,
            "updatedAt" => i => i.UpdatedAt,
            _ => i => i.Sku,
        };
        var keys = listed.Select(key).ToList();
        var sorted = dir == "asc" ? keys.Order().ToList() : keys.OrderDescending().ToList();
        Assert.Equal(sorted, keys);
    }

    [Fact]
    public async Task Low_stock_filter_and_list_return_active_items_at_or_below_their_reorder_point()
    {
        var wh = await _data.WarehouseAsync("WH1");
        var low = await _data.ItemAsync("LOW", reorderPoint: 5);
        var fine = await _data.ItemAsync("FINE", reorderPoint: 5);
        var edge = await _data.ItemAsync("EDGE", reorderPoint: 5);
        var archived = await _data.ItemAsync("ARCH", reorderPoint: 5);
        await _data.ReceiveAsync(low.Id, wh.Id, 2);
        await _data.ReceiveAsync(fine.Id, wh.Id, 6);
        await _data.ReceiveAsync(edge.Id, wh.Id, 5);
        (await _client.PostAsync($"/api/items/{archived.Id}/archive", null)).EnsureSuccessStatusCode();

        var filtered = (await _client.GetFromJsonAsync<Page<ItemDto>>("/api/items?lowStock=true"))!;
        var list = (await _client.GetFromJsonAsync<Page<LowStockDto>>("/api/stock/low"))!;

        Assert.Equal(["EDGE", "LOW"], filtered.Items.Select(i => i.Sku));
        Assert.Equal(["EDGE", "LOW"], list.Items.Select(i => i.Sku));
        Assert.Equal(2, list.Items.Single(i => i.Sku == "LOW").OnHand);
    }

    [Fact]
    public async Task Location_filter_lists_items_with_stock_there_or_in_its_bins()
    {
        var wh1 = await _data.WarehouseAsync("WH1");
        var bin = await _data.BinAsync("B1", wh1.Id);
        var wh2 = await _data.WarehouseAsync("WH2");
        var inBin = await _data.ItemAsync("IN-BIN");
        var elsewhere = await _data.ItemAsync("ELSEWHERE");
        var emptied = await _data.ItemAsync("EMPTIED");
        await _data.ReceiveAsync(inBin.Id, bin.Id, 1);
        await _data.ReceiveAsync(elsewhere.Id, wh2.Id, 1);
        await _data.ReceiveAsync(emptied.Id, bin.Id, 1);
        (await _client.PostAsJsonAsync("/api/movements/issues", new { itemId = emptied.Id, locationId = bin.Id, quantity = 1 })).EnsureSuccessStatusCode();

        var inWh1 = (await _client.GetFromJsonAsync<Page<ItemDto>>($"/api/items?locationId={wh1.Id}"))!;

        Assert.Equal(["IN-BIN"], inWh1.Items.Select(i => i.Sku));
    }

    [Fact]
    public async Task Search_finds_an_item_by_its_barcode()
    {
        await _data.ItemAsync("A-1", barcode: "5012345678900");
        await _data.ItemAsync("B-1");

        var page = (await _client.GetFromJsonAsync<Page<ItemDto>>("/api/items?search=5012345678900"))!;

        Assert.Equal(["A-1"], page.Items.Select(i => i.Sku));
    }

    [Theory]
    [InlineData("sort=price", "sort")]
    [InlineData("dir=sideways", "dir")]
    [InlineData("lowStock=maybe", "lowStock")]
    [InlineData("categoryId=abc", "categoryId")]
    [InlineData("locationId=abc", "locationId")]
    [InlineData("archived=some", "archived")]
    [InlineData("pageSize=ten", "pageSize")]
    [InlineData("pageSize=0", "pageSize")]
    public async Task Bad_list_parameters_name_the_parameter(string query, string field)
    {
        var response = await _client.GetAsync($"/api/items?{query}");

        Assert.Contains(field, (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).Keys);
    }

    [Fact]
    public async Task A_cursor_of_one_sort_order_is_refused_by_another()
    {
        for (var i = 0; i < 3; i++)
            await _data.ItemAsync($"S-{i}");
        var page = (await _client.GetFromJsonAsync<Page<ItemDto>>("/api/items?sort=name&pageSize=1"))!;

        var response = await _client.GetAsync($"/api/items?sort=sku&after={page.NextCursor}");

        Assert.Contains("after", (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).Keys);
    }

    [Fact]
    public async Task Stock_levels_list_pages_and_filters_by_location()
    {
        var wh1 = await _data.WarehouseAsync("WH1");
        var wh2 = await _data.WarehouseAsync("WH2");
        for (var i = 0; i < 3; i++)
        {
            var item = await _data.ItemAsync($"S-{i}");
            await _data.ReceiveAsync(item.Id, wh1.Id, i + 1);
            await _data.ReceiveAsync(item.Id, wh2.Id, 1);
        }

        var first = (await _client.GetFromJsonAsync<Page<StockLevelDto>>("/api/stock?pageSize=4"))!;
        var second = (await _client.GetFromJsonAsync<Page<StockLevelDto>>($"/api/stock?pageSize=4&after={first.NextCursor}"))!;
        var atWh1 = (await _client.GetFromJsonAsync<Page<StockLevelDto>>($"/api/stock?locationId={wh1.Id}"))!;

        Assert.Equal(6, first.Items.Concat(second.Items).DistinctBy(s => (s.ItemId, s.LocationId)).Count());
        Assert.Null(second.NextCursor);
        Assert.Equal(6m, atWh1.Items.Sum(s => s.OnHand));
        Assert.All(atWh1.Items, s => Assert.Equal("WH1", s.LocationCode));
    }
}
