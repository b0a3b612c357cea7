using System.Net;
using System.Net.Http.Json;
using Inventory.CatalogService.Items;
using Inventory.CatalogService.Locations;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.Service.Catalog;

/// <summary>
/// A list filtered by location shows what is at that location (and its bins), beside the item's total; the CSV
/// export of a filtered list holds exactly the rows the list selects, with the location's quantity.
/// </summary>
[Collection(ServicesCollection.Name)]
public sealed class LocationQuantityTests(ServicesFixture fixture) : IAsyncLifetime
{
    private readonly HttpClient _client = fixture.Catalog.CreateClientAs(Roles.Manager);
    private readonly CatalogTestData _data = new(fixture);

    public Task InitializeAsync() => _data.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_location_view_shows_the_quantity_at_that_location_and_the_total_beside_it()
    {
        var (wh, a1, a2, bearing, _) = await BearingsInTwoBinsAsync();

        var atA1 = (await _client.GetFromJsonAsync<Page<ItemDto>>($"/api/items?locationId={a1.Id}"))!.Items.Single();
        var atA2 = (await _client.GetFromJsonAsync<Page<ItemDto>>($"/api/items?locationId={a2.Id}"))!.Items.Single();
        var inWarehouse = (await _client.GetFromJsonAsync<Page<ItemDto>>($"/api/items?locationId={wh.Id}"))!.Items;
        var unfiltered = (await _client.GetFromJsonAsync<Page<ItemDto>>("/api/items"))!.Items;

        Assert.Equal((bearing.Id, 33m, 81m), (atA1.Id, atA1.LocationOnHand!.Value, atA1.OnHand));
        Assert.Equal((48m, 81m), (atA2.LocationOnHand!.Value, atA2.OnHand));
        Assert.Equal([("BEARING", 81m), ("BOLT", 5m)], inWarehouse.Select(i => (i.Sku, i.LocationOnHand!.Value)));
        Assert.All(unfiltered, i => Assert.Null(i.LocationOnHand));
    }

    [Fact]
    public async Task The_export_of_a_location_view_carries_its_rows_and_the_quantity_there()
    {
        var (_, a1, _, _, _) = await BearingsInTwoBinsAsync();

        var lines = await ExportLinesAsync($"locationId={a1.Id}");

        Assert.EndsWith(",onHand,locationOnHand", lines[0]);
        Assert.Single(lines, l => l.StartsWith("BEARING,", StringComparison.Ordinal));
        Assert.EndsWith(",false,81,33", lines.Single(l => l.StartsWith("BEARING,", StringComparison.Ordinal)));
        Assert.Equal(2, lines.Length); // the bolt is in the warehouse, not in bin A1
    }

    [Fact]
    public async Task The_export_honours_search_and_archived_filters_and_without_filters_writes_every_item()
    {
        await BearingsInTwoBinsAsync();
        var old = await _data.ItemAsync("OLD-BEARING");
        (await _client.PostAsync($"/api/items/{old.Id}/archive", null)).EnsureSuccessStatusCode();

        var searched = await ExportLinesAsync("search=bear&archived=active");
        var everything = await ExportLinesAsync("");

        Assert.Equal(["BEARING"], searched.Skip(1).Select(l => l.Split(',')[0]));
        Assert.EndsWith(",onHand", searched[0]);
        Assert.Equal(["BEARING", "BOLT", "OLD-BEARING"], everything.Skip(1).Select(l => l.Split(',')[0]));
    }

    [Fact]
    public async Task A_bad_export_filter_is_a_400_naming_it()
    {
        var response = await _client.GetAsync("/api/items/export?locationId=nowhere");

        Assert.Contains("locationId", (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).Keys);
    }

    private async Task<string[]> ExportLinesAsync(string query) =>
        (await _client.GetStringAsync($"/api/items/export?{query}")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

    /// <summary>The example: a bearing with 33 in bin A1 and 48 in A2, and a bolt on the warehouse floor.</summary>
    private async Task<(LocationDto Warehouse, LocationDto A1, LocationDto A2, ItemDto Bearing, ItemDto Bolt)> BearingsInTwoBinsAsync()
    {
        var wh = await _data.WarehouseAsync("WH");
        var a1 = await _data.BinAsync("A1", wh.Id);
        var a2 = await _data.BinAsync("A2", wh.Id);
        var bearing = await _data.ItemAsync("BEARING");
        var bolt = await _data.ItemAsync("BOLT");
        await _data.ReceiveAsync(bearing.Id, a1.Id, 33);
        await _data.ReceiveAsync(bearing.Id, a2.Id, 48);
        await _data.ReceiveAsync(bolt.Id, wh.Id, 5);
        return (wh, a1, a2, bearing, bolt);
    }
}
