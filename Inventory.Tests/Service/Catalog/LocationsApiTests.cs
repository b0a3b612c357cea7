using System.Net;
using System.Net.Http.Json;
using Inventory.CatalogService.Locations;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.Service.Catalog;

[Collection(ServicesCollection.Name)]
public sealed class LocationsApiTests(ServicesFixture fixture) : IAsyncLifetime
{
    private readonly HttpClient _client = fixture.Catalog.CreateClientAs(Roles.Manager);
    private readonly CatalogTestData _data = new(fixture);

    public Task InitializeAsync() => _data.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Warehouses_hold_bins_and_the_list_shows_paths_of_codes()
    {
        var wh = await _data.WarehouseAsync("WH1");
        var aisle = await _data.BinAsync("A", wh.Id);
        await _data.BinAsync("A-01", aisle.Id);

        var page = (await _client.GetFromJsonAsync<Page<LocationDto>>("/api/locations"))!;

        Assert.Equal(["WH1", "WH1 / A", "WH1 / A / A-01"], page.Items.Select(l => l.Path));
        Assert.All(page.Items, l => Assert.False(l.AllowsNegative));
    }

    [Theory]
    [InlineData("""{"code":"W","name":"w","kind":"warehouse","parentId":"6f0d7c1e-8a59-4a57-9a36-3f2d0f4b2a11"}""", "parentId")]
    [InlineData("""{"code":"B","name":"b","kind":"bin"}""", "parentId")]
    [InlineData("""{"code":"B","name":"b","kind":"shelfish"}""", "kind")]
    [InlineData("""{"code":"has space","name":"b","kind":"warehouse"}""", "code")]
    [InlineData("""{"code":"","name":"b","kind":"warehouse"}""", "code")]
    [InlineData("""{"code":"W","name":"","kind":"warehouse"}""", "name")]
    [InlineData("""{"code":"W","name":"w","kind":"warehouse","allowsNegative":"yes"}""", "allowsNegative")]
    public async Task Bad_location_requests_are_400_naming_the_field(string json, string field)
    {
        var response = await _client.PostAsync("/api/locations", CatalogTestData.JsonBody(json));

        Assert.Contains(field, (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).Keys);
    }

    [Fact]
    public async Task Codes_are_unique_regardless_of_case()
    {
        await _data.WarehouseAsync("WH1");

        var duplicate = await _client.PostAsJsonAsync("/api/locations", new { code = "wh1", name = "x", kind = "warehouse" });

        Assert.Contains("code", (await duplicate.AssertProblemAsync(HttpStatusCode.Conflict)).Keys);
    }

    [Fact]
    public async Task A_location_cannot_be_moved_into_its_own_bins()
    {
        var wh = await _data.WarehouseAsync("WH1");
        var a = await _data.BinAsync("A", wh.Id);
        var a1 = await _data.BinAsync("A-01", a.Id);

        var response = await _client.PutAsJsonAsync($"/api/locations/{a.Id}",
            new { code = "A", name = "a", kind = "bin", parentId = a1.Id, version = a.Version });

        Assert.Contains("parentId", (await response.AssertProblemAsync(HttpStatusCode.Conflict)).Keys);
    }

    [Fact]
    public async Task Moving_a_bin_moves_its_subtree()
    {
        var wh1 = await _data.WarehouseAsync("WH1");
        var wh2 = await _data.WarehouseAsync("WH2");
        var a = await _data.BinAsync("A", wh1.Id);
        var a1 = await _data.BinAsync("A-01", a.Id);

        (await _client.PutAsJsonAsync($"/api/locations/{a.Id}",
            new { code = "A", name = "a", kind = "bin", parentId = wh2.Id, version = a.Version })).EnsureSuccessStatusCode();

        Assert.Equal("WH2 / A / A-01", (await _client.GetFromJsonAsync<LocationDto>($"/api/locations/{a1.Id}"))!.Path);
    }

    [Fact]
    public async Task A_location_with_stock_cannot_be_archived_and_an_empty_one_is_hidden_once_archived()
    {
        var wh = await _data.WarehouseAsync("WH1");
        var bin = await _data.BinAsync("B1", wh.Id);
        var empty = await _data.BinAsync("B2", wh.Id);
        var item = await _data.ItemAsync("SKU-1");
        await _data.ReceiveAsync(item.Id, bin.Id, 3);

        var refused = await _client.PostAsync($"/api/locations/{bin.Id}/archive", null);
        var archived = await _client.PostAsync($"/api/locations/{empty.Id}/archive", null);

        Assert.Contains("id", (await refused.AssertProblemAsync(HttpStatusCode.Conflict)).Keys);
        Assert.True((await archived.ReadAsync<LocationDto>()).IsArchived);
        var list = (await _client.GetFromJsonAsync<Page<LocationDto>>("/api/locations"))!;
        Assert.DoesNotContain(list.Items, l => l.Id == empty.Id);
        var restored = await (await _client.PostAsync($"/api/locations/{empty.Id}/unarchive", null)).ReadAsync<LocationDto>();
        Assert.False(restored.IsArchived);
    }

    [Fact]
    public async Task Unknown_location_is_404()
    {
        await (await _client.GetAsync($"/api/locations/{Guid.NewGuid()}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await _client.PostAsync($"/api/locations/{Guid.NewGuid()}/archive", null)).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
