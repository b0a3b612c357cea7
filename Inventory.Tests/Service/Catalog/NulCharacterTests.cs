using System.Net;
using System.Net.Http.Json;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.Service.Catalog;

/// <summary>PostgreSQL cannot store or compare a NUL character: one in a query value or a body field is a 400 naming it, never a 500.</summary>
[Collection(ServicesCollection.Name)]
public sealed class NulCharacterTests(ServicesFixture fixture) : IAsyncLifetime
{
    private readonly HttpClient _client = fixture.Catalog.CreateClientAs(Roles.Manager);
    private readonly CatalogTestData _data = new(fixture);

    public Task InitializeAsync() => _data.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("/api/items?search=%00")]
    [InlineData("/api/items?search=bolt%00")]
    [InlineData("/api/categories?search=%00")]
    [InlineData("/api/locations?search=%00")]
    public async Task A_search_with_a_nul_is_400_naming_search(string path)
    {
        var response = await _client.GetAsync(path);

        Assert.Contains("search", (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).Keys);
    }

    [Fact]
    public async Task An_item_named_with_a_nul_is_400_naming_name_and_nothing_is_stored()
    {
        var response = await _client.PostAsJsonAsync("/api/items", new { sku = "A-1", name = "a\u0000b", unit = "each" });

        Assert.Equal(["name"], (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).Keys);
        Assert.Equal(0, await _data.ScalarAsync<long>("SELECT count(*) FROM items"));
    }

    [Theory]
    [InlineData("/api/items", """{"sku":"A-1","name":"a","unit":"each","description":"x\u0000"}""", "description")]
    [InlineData("/api/categories", """{"name":"a\u0000b"}""", "name")]
    [InlineData("/api/locations", """{"code":"W1","name":"a\u0000b","kind":"warehouse"}""", "name")]
    public async Task Master_data_fields_with_a_nul_are_400_naming_the_field(string path, string json, string field)
    {
        var response = await _client.PostAsync(path, CatalogTestData.JsonBody(json));

        Assert.Contains(field, (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).Keys);
    }

    [Fact]
    public async Task A_movement_note_with_a_nul_is_400_naming_note()
    {
        var item = await _data.ItemAsync("A-1");
        var location = await _data.WarehouseAsync("WH1");

        var response = await _client.PostAsJsonAsync("/api/movements/receipts",
            new { itemId = item.Id, locationId = location.Id, quantity = 1, note = "x\u0000y" });

        Assert.Contains("note", (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).Keys);
    }
}
