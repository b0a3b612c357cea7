using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inventory.CatalogService.Categories;
using Inventory.CatalogService.Items;
using Inventory.CatalogService.Locations;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.Service.Catalog;

[Collection(ServicesCollection.Name)]
public sealed class ItemMasterDataTests(ServicesFixture fixture) : IAsyncLifetime
{
    private readonly HttpClient _client = fixture.Catalog.CreateClientAs(Roles.Manager, userId: "manager-7");
    private readonly CatalogTestData _data = new(fixture, "manager-7");

    public Task InitializeAsync() => _data.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static object Update(ItemDto item, Action<Dictionary<string, object?>>? change = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["sku"] = item.Sku, ["name"] = item.Name, ["description"] = item.Description, ["unit"] = item.Unit,
            ["unitCost"] = item.UnitCost, ["reorderPoint"] = item.ReorderPoint, ["reorderQuantity"] = item.ReorderQuantity,
            ["categoryId"] = item.CategoryId, ["barcode"] = item.Barcode, ["preferredSupplierId"] = item.PreferredSupplierId,
            ["version"] = item.Version,
        };
        change?.Invoke(body);
        return body;
    }

    [Fact]
    public async Task An_item_keeps_all_its_fields()
    {
        var category = await _data.CategoryAsync("Fasteners");
        var supplier = Guid.NewGuid();

        var response = await _client.PostAsJsonAsync("/api/items", new
        {
            sku = "BOLT-1", name = "Bolt", unit = "box", unitCost = 2.5m, reorderPoint = 4, reorderQuantity = 12,
            categoryId = category.Id, barcode = "4006381333931", preferredSupplierId = supplier,
        });

        var created = await response.ReadAsync<ItemDto>(HttpStatusCode.Created);
        var read = await (await _client.GetAsync($"/api/items/{created.Id}")).ReadAsync<ItemDetailDto>();
        Assert.Equal(("4006381333931", supplier, category.Id, "Fasteners", "box", 1, false),
            (read.Barcode, read.PreferredSupplierId!.Value, read.CategoryId!.Value, read.CategoryPath, read.Unit, read.Version, read.IsArchived));
        Assert.Empty(read.Stock);
        Assert.True(read.IsLowStock); // 0 on hand, reorder point 4
    }

    [Fact]
    public async Task Update_with_the_current_version_succeeds_and_bumps_it_and_a_stale_one_is_409()
    {
        var item = await _data.ItemAsync("SKU-1");

        var updated = await (await _client.PutAsJsonAsync($"/api/items/{item.Id}", Update(item, b => b["name"] = "Renamed")))
            .ReadAsync<ItemDto>();
        var stale = await _client.PutAsJsonAsync($"/api/items/{item.Id}", Update(item, b => b["name"] = "Lost update"));

        Assert.Equal(("Renamed", item.Version + 1), (updated.Name, updated.Version));
        Assert.Contains("version", (await stale.AssertProblemAsync(HttpStatusCode.Conflict)).Keys);
        var read = await (await _client.GetAsync($"/api/items/{item.Id}")).ReadAsync<ItemDetailDto>();
        Assert.Equal("Renamed", read.Name);
    }

    [Fact]
    public async Task Concurrent_updates_from_the_same_version_let_exactly_one_win()
    {
        var item = await _data.ItemAsync("SKU-1");

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(n =>
            _client.PutAsJsonAsync($"/api/items/{item.Id}", Update(item, b => b["name"] = $"Writer {n}"))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
    }

    [Theory]
    [InlineData("version", null, HttpStatusCode.BadRequest)]
    [InlineData("barcode", "has space", HttpStatusCode.BadRequest)]
    [InlineData("categoryId", "6f0d7c1e-8a59-4a57-9a36-3f2d0f4b2a11", HttpStatusCode.UnprocessableEntity)]
    [InlineData("unit", "furlong", HttpStatusCode.BadRequest)]
    [InlineData("unitCost", -1, HttpStatusCode.BadRequest)]
    public async Task Bad_updates_name_the_field(string field, object? value, HttpStatusCode status)
    {
        var item = await _data.ItemAsync("SKU-1");

        var response = await _client.PutAsJsonAsync($"/api/items/{item.Id}", Update(item, b => b[field] = value));

        Assert.Contains(field, (await response.AssertProblemAsync(status)).Keys);
    }

    [Fact]
    public async Task Barcodes_are_unique()
    {
        await _data.ItemAsync("A", barcode: "123456");

        var duplicate = await _client.PostAsJsonAsync("/api/items", new { sku = "B", name = "b", unit = "each", barcode = "123456" });

        Assert.Contains("barcode", (await duplicate.AssertProblemAsync(HttpStatusCode.Conflict)).Keys);
    }

    [Fact]
    public async Task Archived_items_are_hidden_by_default_and_listed_on_request()
    {
        var kept = await _data.ItemAsync("KEPT");
        var gone = await _data.ItemAsync("GONE");

        var archived = await (await _client.PostAsync($"/api/items/{gone.Id}/archive", null)).ReadAsync<ItemDto>();

        Assert.True(archived.IsArchived);
        Assert.Equal(["KEPT"], (await _client.GetFromJsonAsync<Page<ItemDto>>("/api/items"))!.Items.Select(i => i.Sku));
        Assert.Equal(["GONE"], (await _client.GetFromJsonAsync<Page<ItemDto>>("/api/items?archived=archived"))!.Items.Select(i => i.Sku));
        Assert.Equal(2, (await _client.GetFromJsonAsync<Page<ItemDto>>("/api/items?archived=all"))!.Items.Count);
        Assert.False((await (await _client.PostAsync($"/api/items/{gone.Id}/unarchive", null)).ReadAsync<ItemDto>()).IsArchived);
        Assert.Equal(2, (await _client.GetFromJsonAsync<Page<ItemDto>>("/api/items"))!.Items.Count);
        _ = kept;
    }

    [Fact]
    public async Task Every_change_is_audited_with_the_callers_subject_and_each_fields_before_and_after()
    {
        var item = await _data.ItemAsync("SKU-1", unitCost: 1.5m);
        await (await _client.PutAsJsonAsync($"/api/items/{item.Id}", Update(item, b => { b["unitCost"] = 2m; b["name"] = "New"; })))
            .ReadAsync<ItemDto>();
        (await _client.PostAsync($"/api/items/{item.Id}/archive", null)).EnsureSuccessStatusCode();

        var audit = (await _client.GetFromJsonAsync<Page<AuditEntryDto>>($"/api/audit?entityType=item&entityId={item.Id}"))!;

        Assert.Equal(["archive", "update", "create"], audit.Items.Select(e => e.Action));
        Assert.All(audit.Items, e => Assert.Equal("manager-7", e.UserId));
        var update = audit.Items[1].Changes;
        Assert.Equal(["name", "unitCost"], update.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(1.5m, update["unitCost"].Before.GetDecimal());
        Assert.Equal(2m, update["unitCost"].After.GetDecimal());
        Assert.Equal("Item SKU-1", update["name"].Before.GetString());
        Assert.Equal(JsonValueKind.Null, audit.Items[2].Changes["sku"].Before.ValueKind);
        Assert.Equal("SKU-1", audit.Items[2].Changes["sku"].After.GetString());
        Assert.True(audit.Items[0].Changes["isArchived"].After.GetBoolean());
    }

    [Fact]
    public async Task Categories_and_locations_are_audited_too()
    {
        var category = await _data.CategoryAsync("Tools");
        var location = await _data.WarehouseAsync("WH1");
        (await _client.PostAsync($"/api/locations/{location.Id}/archive", null)).EnsureSuccessStatusCode();

        var categoryAudit = (await _client.GetFromJsonAsync<Page<AuditEntryDto>>($"/api/audit?entityType=category&entityId={category.Id}"))!;
        var locationAudit = (await _client.GetFromJsonAsync<Page<AuditEntryDto>>($"/api/audit?entityType=location&entityId={location.Id}"))!;

        Assert.Equal(["create"], categoryAudit.Items.Select(e => e.Action));
        Assert.Equal(["archive", "create"], locationAudit.Items.Select(e => e.Action));
    }

    [Fact]
    public async Task Saving_without_a_change_keeps_the_version_and_writes_no_audit_entry()
    {
        var item = await _data.ItemAsync("SKU-1");
        var category = await _data.CategoryAsync("Tools");
        var location = await _data.WarehouseAsync("WH1");

        var sameItem = await (await _client.PutAsJsonAsync($"/api/items/{item.Id}", Update(item))).ReadAsync<ItemDto>();
        var sameCategory = await (await _client.PutAsJsonAsync($"/api/categories/{category.Id}",
            new { name = category.Name, version = category.Version })).ReadAsync<CategoryDto>();
        var sameLocation = await (await _client.PutAsJsonAsync($"/api/locations/{location.Id}",
            new { code = location.Code, name = location.Name, kind = location.Kind, version = location.Version })).ReadAsync<LocationDto>();
        var renamed = await (await _client.PutAsJsonAsync($"/api/categories/{category.Id}",
            new { name = "Hand tools", version = category.Version })).ReadAsync<CategoryDto>();

        Assert.Equal((item.Version, category.Version, location.Version), (sameItem.Version, sameCategory.Version, sameLocation.Version));
        Assert.Equal((item.UpdatedAt, category.UpdatedAt), (sameItem.UpdatedAt, sameCategory.UpdatedAt));
        Assert.Equal(category.Version + 1, renamed.Version);
        Assert.Equal(4, await _data.ScalarAsync<long>("SELECT count(*) FROM audit_entries")); // three creates and the rename
    }

    [Theory]
    [InlineData("entityType=widget", "entityType")]
    [InlineData("entityId=nope&entityType=item", "entityId")]
    [InlineData("entityId=6f0d7c1e-8a59-4a57-9a36-3f2d0f4b2a11", "entityType")]
    [InlineData("after=abc", "after")]
    public async Task Bad_audit_queries_name_the_parameter(string query, string field)
    {
        var response = await _client.GetAsync($"/api/audit?{query}");

        Assert.Contains(field, (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).Keys);
    }
}
