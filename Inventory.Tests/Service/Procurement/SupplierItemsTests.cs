using System.Net;
using System.Net.Http.Json;
using Inventory.ProcurementService.Suppliers;
using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.Service.Procurement;

[Collection(ServicesCollection.Name)]
public sealed class SupplierItemsTests(ServicesFixture fixture) : IAsyncLifetime
{
    private readonly ProcurementTestData _data = new(fixture);

    public Task InitializeAsync() => _data.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_supplier_item_shows_the_catalog_sku_and_name()
    {
        var supplier = await _data.SupplierAsync();
        var item = await _data.ItemAsync("BOLT-9");

        var created = await _data.SupplierItemAsync(supplier.Id, item.Id, unitPrice: 1.25m, moq: 50);

        Assert.Equal("BOLT-9", created.ItemSku);
        Assert.Equal("Item BOLT-9", created.ItemName);
        var listed = (await _data.Manager.GetFromJsonAsync<List<SupplierItemDto>>($"/api/suppliers/{supplier.Id}/items"))!;
        Assert.Equal(50, Assert.Single(listed).MinimumOrderQuantity);
    }

    [Fact]
    public async Task An_item_has_at_most_one_preferred_supplier_even_when_two_are_marked_at_once()
    {
        var item = await _data.ItemAsync("I-1");
        var suppliers = new List<SupplierDto>();
        foreach (var name in new[] { "A", "B", "C", "D", "E", "F" })
            suppliers.Add(await _data.SupplierAsync(name));

        var responses = await Task.WhenAll(suppliers.Select(s => _data.Manager.PostAsJsonAsync($"/api/suppliers/{s.Id}/items",
            new { itemId = item.Id, unitPrice = 1, isPreferred = true })));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
            Assert.Contains("isPreferred", (await refused.AssertProblemAsync(HttpStatusCode.Conflict)).Keys);
        var ofItem = (await _data.Manager.GetFromJsonAsync<List<SupplierItemDto>>($"/api/items/{item.Id}/suppliers"))!;
        Assert.Single(ofItem, s => s.IsPreferred);
    }

    [Fact]
    public async Task The_same_item_twice_for_one_supplier_is_a_409_naming_the_item()
    {
        var supplier = await _data.SupplierAsync();
        var item = await _data.ItemAsync("I-1");
        await _data.SupplierItemAsync(supplier.Id, item.Id, 1);

        var again = await _data.Manager.PostAsJsonAsync($"/api/suppliers/{supplier.Id}/items", new { itemId = item.Id, unitPrice = 2 });

        Assert.Contains("itemId", (await again.AssertProblemAsync(HttpStatusCode.Conflict)).Keys);
    }

    [Theory]
    [InlineData("""{"unitPrice":1}""", "itemId")]
    [InlineData("""{"itemId":"00000000-0000-0000-0000-000000000007","unitPrice":1}""", "itemId")]
    [InlineData("""{"itemId":"ITEM"}""", "unitPrice")]
    [InlineData("""{"itemId":"ITEM","unitPrice":-1}""", "unitPrice")]
    [InlineData("""{"itemId":"ITEM","unitPrice":1,"minimumOrderQuantity":-5}""", "minimumOrderQuantity")]
    [InlineData("""{"itemId":"ITEM","unitPrice":1,"leadTimeDays":400}""", "leadTimeDays")]
    public async Task Invalid_supplier_items_are_rejected_with_the_field_named(string template, string field)
    {
        var supplier = await _data.SupplierAsync();
        var item = await _data.ItemAsync("I-1");

        var response = await _data.Manager.PostAsync($"/api/suppliers/{supplier.Id}/items",
            new StringContent(template.Replace("ITEM", item.Id.ToString()), System.Text.Encoding.UTF8, "application/json"));

        Assert.Contains(field, (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).Keys);
    }

    [Fact]
    public async Task When_the_catalog_is_down_linking_an_item_is_a_503_not_a_500()
    {
        var supplier = await _data.SupplierAsync();
        var item = await _data.ItemAsync("I-1");
        fixture.CatalogLink.Down = true;

        var response = await _data.Manager.PostAsJsonAsync($"/api/suppliers/{supplier.Id}/items", new { itemId = item.Id, unitPrice = 1 });

        await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.NotNull(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task When_the_catalog_is_frozen_linking_an_item_is_a_503_with_retry_after_within_5_s()
    {
        var supplier = await _data.SupplierAsync();
        var item = await _data.ItemAsync("I-1");
        // The same request once while the catalog answers, so the time measured below is the budget's, not the cold
        // path's (its first run compiles the queries; early in a full run, on 2 busy cores, that alone took seconds).
        await _data.SupplierItemAsync((await _data.SupplierAsync("Warm-up Ltd")).Id, (await _data.ItemAsync("I-2")).Id, unitPrice: 1);
        fixture.CatalogLink.Frozen = true;

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var response = await _data.Manager.PostAsJsonAsync($"/api/suppliers/{supplier.Id}/items", new { itemId = item.Id, unitPrice = 1 });

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.NotNull(response.Headers.RetryAfter);
        fixture.CatalogLink.Frozen = false;
        var linked = await _data.Manager.GetFromJsonAsync<List<SupplierItemDto>>($"/api/suppliers/{supplier.Id}/items");
        Assert.Empty(linked!);
    }

    [Fact]
    public async Task Supplier_changes_are_audited_and_a_stale_update_gets_409()
    {
        var supplier = await _data.SupplierAsync("Acme");

        var updated = await _data.Manager.PutAsJsonAsync($"/api/suppliers/{supplier.Id}", new { version = supplier.Version, name = "Acme Ltd", leadTimeDays = 5 });
        var stale = await _data.Manager.PutAsJsonAsync($"/api/suppliers/{supplier.Id}", new { version = supplier.Version, name = "Acme plc" });
        var archived = await _data.Manager.PostAsync($"/api/suppliers/{supplier.Id}/archive", null);

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Contains("version", (await stale.AssertProblemAsync(HttpStatusCode.Conflict)).Keys);
        Assert.Equal(HttpStatusCode.OK, archived.StatusCode);
        var list = (await _data.Manager.GetFromJsonAsync<Inventory.ServiceDefaults.Kit.Page<SupplierDto>>("/api/suppliers"))!;
        Assert.Empty(list.Items);
        var withArchived = (await _data.Manager.GetFromJsonAsync<Inventory.ServiceDefaults.Kit.Page<SupplierDto>>("/api/suppliers?includeArchived=true"))!;
        Assert.Equal("Acme Ltd", Assert.Single(withArchived.Items).Name);

        var audit = (await _data.Manager.GetFromJsonAsync<Page<AuditEntryDto>>($"/api/audit?entityType=supplier&entityId={supplier.Id}"))!.Items;
        Assert.Equal(["archive", "update", "create"], audit.Select(a => a.Action));
        var update = audit[1].Changes;
        Assert.Equal(["currency", "leadTimeDays", "name"], update.Keys.Order()); // PUT replaces: no currency is the default, USD
        Assert.Equal("Acme", update["name"].Before.GetString());
        Assert.Equal("Acme Ltd", update["name"].After.GetString());
        Assert.True(audit[0].Changes["isArchived"].After.GetBoolean());
        Assert.All(audit, a => Assert.Equal("manager-1", a.UserId));
    }
}
