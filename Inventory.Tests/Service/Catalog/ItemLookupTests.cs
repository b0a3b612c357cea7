using System.Net;
using Inventory.CatalogService.Items;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.Service.Catalog;

[Collection(ServicesCollection.Name)]
public sealed class ItemLookupTests(ServicesFixture fixture) : IAsyncLifetime
{
    private readonly HttpClient _viewer = fixture.Catalog.CreateClientAs(Roles.Viewer);
    private readonly CatalogTestData _data = new(fixture);

    public Task InitializeAsync() => _data.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<HttpResponseMessage> LookupAsync(string code) => _viewer.GetAsync($"/api/items/lookup?code={Uri.EscapeDataString(code)}");

    [Theory]
    [InlineData("Bolt-M6")]
    [InlineData("bolt-m6")]
    [InlineData("  BOLT-M6 ")]
    public async Task An_item_is_found_by_its_sku_regardless_of_case(string code)
    {
        var bolt = await _data.ItemAsync("BOLT-M6");

        var found = await (await LookupAsync(code)).ReadAsync<ItemDto>();

        Assert.Equal((bolt.Id, "BOLT-M6", bolt.Version), (found.Id, found.Sku, found.Version));
    }

    [Fact]
    public async Task An_item_is_found_by_its_barcode()
    {
        var nut = await _data.ItemAsync("NUT-M6", barcode: "4006381333931");

        var found = await (await LookupAsync(" 4006381333931 ")).ReadAsync<ItemDto>();

        Assert.Equal(nut.Id, found.Id);
    }

    [Fact]
    public async Task A_code_that_is_one_items_sku_and_anothers_barcode_finds_the_sku()
    {
        var bySku = await _data.ItemAsync("4006381333931");
        await _data.ItemAsync("OTHER", barcode: "4006381333931");

        Assert.Equal(bySku.Id, (await (await LookupAsync("4006381333931")).ReadAsync<ItemDto>()).Id);
    }

    [Fact]
    public async Task An_archived_item_is_not_found()
    {
        var gone = await _data.ItemAsync("GONE", barcode: "777");
        (await fixture.Catalog.CreateClientAs(Roles.Manager).PostAsync($"/api/items/{gone.Id}/archive", null)).EnsureSuccessStatusCode();

        await (await LookupAsync("GONE")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await LookupAsync("777")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_unknown_code_is_404()
    {
        await _data.ItemAsync("KNOWN");

        await (await LookupAsync("UNKNOWN")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/api/items/lookup")]
    [InlineData("/api/items/lookup?code=")]
    [InlineData("/api/items/lookup?code=%20%20")]
    [InlineData("/api/items/lookup?code=A%00B")]
    public async Task A_blank_code_or_one_with_a_nul_is_400_naming_code(string path)
    {
        var response = await _viewer.GetAsync(path);

        Assert.Equal(["code"], (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).Keys);
    }
}
