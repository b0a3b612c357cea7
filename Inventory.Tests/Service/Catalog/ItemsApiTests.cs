using System.Net;
using System.Net.Http.Json;
using Inventory.CatalogService.Items;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.Service.Catalog;

[Collection(ServicesCollection.Name)]
public sealed class ItemsApiTests(ServicesFixture fixture) : IAsyncLifetime
{
    private readonly HttpClient _client = fixture.Catalog.CreateClientAs(Roles.Manager);
    private readonly CatalogTestData _data = new(fixture);

    public Task InitializeAsync() => _data.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static object NewItem(string sku, string name = "Widget", string unit = "each", decimal unitCost = 1.5m) =>
        new { sku, name, unit, unitCost, description = "A test item", reorderPoint = 5, reorderQuantity = 20 };

    [Fact]
    public async Task Created_item_is_returned_with_its_location_and_can_be_read_back()
    {
        var response = await _client.PostAsJsonAsync("/api/items", NewItem("  BOLT-M6 ", "Hex bolt M6", unitCost: 0.12m));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<ItemDto>())!;
        Assert.Equal("BOLT-M6", created.Sku);
        Assert.Equal(0.12m, created.UnitCost);
        Assert.Equal($"/api/items/{created.Id}", response.Headers.Location?.OriginalString);

        var read = await _client.GetFromJsonAsync<ItemDto>($"/api/items/{created.Id}");
        Assert.Equal(created with { CreatedAt = read!.CreatedAt, UpdatedAt = read.UpdatedAt }, read);
    }

    [Fact]
    public async Task Sku_is_unique_regardless_of_case()
    {
        (await _client.PostAsJsonAsync("/api/items", NewItem("ABC-1"))).EnsureSuccessStatusCode();

        var duplicate = await _client.PostAsJsonAsync("/api/items", NewItem("abc-1", "Other"));

        var errors = await duplicate.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("sku", errors.Keys);
        var page = await _client.GetFromJsonAsync<Page<ItemDto>>("/api/items");
        Assert.Single(page!.Items);
    }

    [Theory]
    [InlineData("""{"sku":"","name":"x","unit":"each"}""", "sku")]
    [InlineData("""{"sku":"has space","name":"x","unit":"each"}""", "sku")]
    [InlineData("""{"name":"x","unit":"each"}""", "sku")]
    [InlineData("""{"sku":"A","name":"  ","unit":"each"}""", "name")]
    [InlineData("""{"sku":"A","name":"x","unit":"parsec"}""", "unit")]
    [InlineData("""{"sku":"A","name":"x","unit":"each","unitCost":-0.01}""", "unitCost")]
    [InlineData("""{"sku":"A","name":"x","unit":"each","unitCost":0.00001}""", "unitCost")]
    [InlineData("""{"sku":"A","name":"x","unit":"each","reorderPoint":-1}""", "reorderPoint")]
    [InlineData("""{"sku":"A","name":"x","unit":"each","unitCost":"cheap"}""", "unitCost")]
    [InlineData("""{"sku":"A","name":"x","unit":"each","unitCost":1e30}""", "unitCost")]
    [InlineData("""{"sku":"A","name":""", "name")]
    [InlineData("""[1,2]""", "body")]
    public async Task Invalid_item_is_rejected_with_the_field_named_and_nothing_is_stored(string json, string field)
    {
        var response = await _client.PostAsync("/api/items", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        var errors = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(field, errors.Keys);
        var page = await _client.GetFromJsonAsync<Page<ItemDto>>("/api/items");
        Assert.Empty(page!.Items);
    }

    [Fact]
    public async Task Sku_longer_than_64_characters_is_rejected()
    {
        var response = await _client.PostAsJsonAsync("/api/items", NewItem(new string('A', 65)));

        Assert.Contains("sku", (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).Keys);
    }

    [Fact]
    public async Task Missing_body_is_a_400_naming_the_body()
    {
        var response = await _client.PostAsync("/api/items", content: null);

        Assert.Contains("body", (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).Keys);
    }

    [Fact]
    public async Task List_pages_by_sku_with_a_cursor_until_the_last_page()
    {
        foreach (var sku in new[] { "C-3", "a-1", "E-5", "b-2", "D-4" })
            (await _client.PostAsJsonAsync("/api/items", NewItem(sku))).EnsureSuccessStatusCode();

        var first = (await _client.GetFromJsonAsync<Page<ItemDto>>("/api/items?pageSize=2"))!;
        var second = (await _client.GetFromJsonAsync<Page<ItemDto>>($"/api/items?pageSize=2&after={first.NextCursor}"))!;
        var third = (await _client.GetFromJsonAsync<Page<ItemDto>>($"/api/items?pageSize=2&after={second.NextCursor}"))!;

        Assert.Equal(["a-1", "b-2"], first.Items.Select(i => i.Sku));
        Assert.Equal(["C-3", "D-4"], second.Items.Select(i => i.Sku));
        Assert.Equal(["E-5"], third.Items.Select(i => i.Sku));
        Assert.Null(third.NextCursor);
    }

    [Fact]
    public async Task Search_matches_sku_or_name_case_insensitively_and_treats_wildcards_literally()
    {
        (await _client.PostAsJsonAsync("/api/items", NewItem("BOLT-1", "Hex bolt"))).EnsureSuccessStatusCode();
        (await _client.PostAsJsonAsync("/api/items", NewItem("NUT-1", "Nut for BOLT"))).EnsureSuccessStatusCode();
        (await _client.PostAsJsonAsync("/api/items", NewItem("WASHER-1", "Washer 100% steel"))).EnsureSuccessStatusCode();

        var bolts = (await _client.GetFromJsonAsync<Page<ItemDto>>("/api/items?search=bolt"))!;
        var percent = (await _client.GetFromJsonAsync<Page<ItemDto>>("/api/items?search=100%25"))!;
        var underscore = (await _client.GetFromJsonAsync<Page<ItemDto>>("/api/items?search=_"))!;

        Assert.Equal(["BOLT-1", "NUT-1"], bolts.Items.Select(i => i.Sku));
        Assert.Equal(["WASHER-1"], percent.Items.Select(i => i.Sku));
        Assert.Empty(underscore.Items);
    }

    [Theory]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=201", "pageSize")]
    [InlineData("after=%25%25%25", "after")]
    public async Task Bad_list_parameters_are_rejected_with_the_parameter_named(string query, string field)
    {
        var response = await _client.GetAsync($"/api/items?{query}");

        Assert.Contains(field, (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).Keys);
    }

    [Fact]
    public async Task Unknown_item_is_404_problem()
    {
        var response = await _client.GetAsync($"/api/items/{Guid.NewGuid()}");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
