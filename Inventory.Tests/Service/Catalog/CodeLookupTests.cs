using System.Net;
using Inventory.CatalogService.Lookup;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.Service.Catalog;

/// <summary>GET api/lookup: what one scanned code names, exactly and regardless of case, items and locations alike.</summary>
[Collection(ServicesCollection.Name)]
public sealed class CodeLookupTests(ServicesFixture fixture) : IAsyncLifetime
{
    private readonly HttpClient _viewer = fixture.Catalog.CreateClientAs(Roles.Viewer);
    private readonly CatalogTestData _data = new(fixture);

    public Task InitializeAsync() => _data.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<CodeLookupDto> LookupAsync(string code) =>
        await (await _viewer.GetAsync($"/api/lookup?code={Uri.EscapeDataString(code)}")).ReadAsync<CodeLookupDto>();

    [Theory]
    [InlineData("BOLT-M6")]
    [InlineData(" bolt-m6 ")]
    public async Task An_item_is_found_by_its_sku_regardless_of_case(string code)
    {
        var bolt = await _data.ItemAsync("BOLT-M6");
        await _data.ItemAsync("BOLT-M6-LONG");

        var found = await LookupAsync(code);

        Assert.Equal([bolt.Id], found.Items.Select(i => i.Id));
        Assert.Empty(found.Locations);
    }

    [Theory]
    [InlineData("ab-123x")]
    [InlineData("AB-123X")]
    public async Task An_item_is_found_by_its_barcode_regardless_of_case(string code)
    {
        var nut = await _data.ItemAsync("NUT-M6", barcode: "Ab-123x");

        Assert.Equal([nut.Id], (await LookupAsync(code)).Items.Select(i => i.Id));
    }

    [Fact]
    public async Task A_location_is_found_by_its_barcode_and_by_its_code()
    {
        var wh = await _data.WarehouseAsync("WH1");
        var bin = await _data.BinAsync("A-01", wh.Id);
        await _data.ExecuteAsync("UPDATE locations SET barcode = 'LOC-00042' WHERE id = $1", bin.Id);

        Assert.Equal([bin.Id], (await LookupAsync("loc-00042")).Locations.Select(l => l.Id));
        Assert.Equal([bin.Id], (await LookupAsync("a-01")).Locations.Select(l => l.Id));
        Assert.Equal([wh.Id], (await LookupAsync("wh1")).Locations.Select(l => l.Id));
        Assert.Empty((await LookupAsync("A-0")).Locations);
    }

    [Fact]
    public async Task A_code_that_is_an_items_sku_and_a_locations_code_names_both()
    {
        var item = await _data.ItemAsync("SHELF-1");
        var location = await _data.WarehouseAsync("shelf-1");

        var found = await LookupAsync("Shelf-1");

        Assert.Equal([item.Id], found.Items.Select(i => i.Id));
        Assert.Equal([location.Id], found.Locations.Select(l => l.Id));
    }

    [Fact]
    public async Task Archived_items_and_locations_are_not_found_and_an_unknown_code_finds_nothing()
    {
        var manager = fixture.Catalog.CreateClientAs(Roles.Manager);
        var item = await _data.ItemAsync("GONE", barcode: "555");
        var location = await _data.WarehouseAsync("GONE-WH");
        (await manager.PostAsync($"/api/items/{item.Id}/archive", null)).EnsureSuccessStatusCode();
        (await manager.PostAsync($"/api/locations/{location.Id}/archive", null)).EnsureSuccessStatusCode();

        foreach (var code in new[] { "GONE", "555", "GONE-WH", "UNKNOWN" })
        {
            var found = await LookupAsync(code);
            Assert.Empty(found.Items);
            Assert.Empty(found.Locations);
        }
    }

    [Theory]
    [InlineData("/api/lookup")]
    [InlineData("/api/lookup?code=%20")]
    [InlineData("/api/lookup?code=A%00B")]
    public async Task A_blank_code_or_one_with_a_nul_is_400_naming_code(string path)
    {
        var response = await _viewer.GetAsync(path);

        Assert.Equal(["code"], (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).Keys);
    }
}
