using System.Net;
using System.Net.Http.Json;
using Inventory.CatalogService.Locations;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.Service.Catalog;

/// <summary>A location's scannable barcode: its code unless given, unique regardless of case, searchable.</summary>
[Collection(ServicesCollection.Name)]
public sealed class LocationBarcodeTests(ServicesFixture fixture) : IAsyncLifetime
{
    private readonly HttpClient _manager = fixture.Catalog.CreateClientAs(Roles.Manager);
    private readonly CatalogTestData _data = new(fixture);

    public Task InitializeAsync() => _data.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<HttpResponseMessage> CreateAsync(string code, string? barcode) =>
        _manager.PostAsJsonAsync("/api/locations", new { code, barcode, name = $"Warehouse {code}", kind = LocationKinds.Warehouse });

    [Fact]
    public async Task A_location_without_a_barcode_gets_its_code()
    {
        var created = await (await CreateAsync("WH1", "  ")).ReadAsync<LocationDto>(HttpStatusCode.Created);

        Assert.Equal("WH1", created.Barcode);
        Assert.Equal("WH1", (await _manager.GetFromJsonAsync<LocationDto>($"/api/locations/{created.Id}"))!.Barcode);
    }

    [Fact]
    public async Task A_given_barcode_is_kept_returned_and_found_by_the_list_search()
    {
        var created = await (await CreateAsync("WH1", " LOC-778899 ")).ReadAsync<LocationDto>(HttpStatusCode.Created);
        await _data.WarehouseAsync("WH2");

        var page = (await _manager.GetFromJsonAsync<Page<LocationDto>>("/api/locations?search=778899"))!;

        Assert.Equal("LOC-778899", created.Barcode);
        Assert.Equal([created.Id], page.Items.Select(l => l.Id));
    }

    [Theory]
    [InlineData("b-1")]
    [InlineData("B-1")]
    public async Task Barcodes_are_unique_regardless_of_case_409_naming_barcode(string duplicate)
    {
        await (await CreateAsync("WH1", "B-1")).ReadAsync<LocationDto>(HttpStatusCode.Created);

        var refused = await CreateAsync("WH2", duplicate);

        var errors = await refused.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(["barcode"], errors.Keys);
        Assert.Contains("barcode", errors["barcode"][0]);
    }

    [Fact]
    public async Task A_code_that_is_another_locations_barcode_is_refused_as_its_default_barcode()
    {
        await (await CreateAsync("WH1", "SHELF-9")).ReadAsync<LocationDto>(HttpStatusCode.Created);

        var refused = await CreateAsync("SHELF-9", null);

        Assert.Equal(["barcode"], (await refused.AssertProblemAsync(HttpStatusCode.Conflict)).Keys);
    }

    [Fact]
    public async Task Saving_an_empty_barcode_sets_it_to_the_code_and_the_change_is_audited()
    {
        var created = await (await CreateAsync("WH1", "OLD-LABEL")).ReadAsync<LocationDto>(HttpStatusCode.Created);

        var saved = await (await _manager.PutAsJsonAsync($"/api/locations/{created.Id}",
            new { code = "WH1", barcode = "", name = "Main", kind = LocationKinds.Warehouse, version = created.Version })).ReadAsync<LocationDto>();

        Assert.Equal("WH1", saved.Barcode);
        var change = await _data.ScalarAsync<string>("SELECT changes::text FROM audit_entries WHERE entity_id = $1 ORDER BY id DESC LIMIT 1", created.Id);
        Assert.Contains("barcode", change);
        Assert.Contains("OLD-LABEL", change);
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("ÄÖ")]
    public async Task A_barcode_that_no_symbol_can_carry_is_400_naming_barcode(string barcode)
    {
        var refused = await CreateAsync("WH1", barcode);

        Assert.Equal(["barcode"], (await refused.AssertProblemAsync(HttpStatusCode.BadRequest)).Keys);
    }

    [Fact]
    public async Task A_barcode_longer_than_64_characters_is_400_naming_barcode()
    {
        var refused = await CreateAsync("WH1", new string('7', 65));

        Assert.Equal(["barcode"], (await refused.AssertProblemAsync(HttpStatusCode.BadRequest)).Keys);
    }
}
