using System.Net;
using System.Net.Http.Json;
using Inventory.CatalogService.Items;
using Inventory.CatalogService.Locations;
using Inventory.CatalogService.Stock;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.Service.Catalog;

[Collection(ServicesCollection.Name)]
public sealed class ReceiptsApiTests(ServicesFixture fixture) : IAsyncLifetime
{
    private readonly HttpClient _manager = fixture.Catalog.CreateClientAs(Roles.Manager);
    private readonly CatalogTestData _data = new(fixture);
    private readonly HttpClient _procurement = fixture.Catalog.CreateServiceClient();
    private ItemDto _item = null!;
    private LocationDto _location = null!;

    public async Task InitializeAsync()
    {
        await _data.ResetAsync();
        _item = await _data.ItemAsync("PO-ITEM");
        _location = await _data.WarehouseAsync("DOCK");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_same_receipt_line_with_another_quantity_is_refused_and_books_nothing_more()
    {
        var line = Guid.NewGuid();
        (await _procurement.PostAsJsonAsync("/api/receipts", new { receiptLineId = line, itemId = _item.Id, locationId = _location.Id, quantity = 6, reference = "PO-78" }))
            .EnsureSuccessStatusCode();

        var changed = await _procurement.PostAsJsonAsync("/api/receipts", new { receiptLineId = line, itemId = _item.Id, locationId = _location.Id, quantity = 9, reference = "PO-78" });

        Assert.Contains("receiptLineId", (await changed.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).Keys);
        Assert.Equal(6, await _data.OnHandAsync(_item.Id, _location.Id));
    }

    [Fact]
    public async Task A_receipt_line_books_stock_once_and_a_repeat_returns_the_first_result()
    {
        var line = Guid.NewGuid();
        var body = new { receiptLineId = line, itemId = _item.Id, locationId = _location.Id, quantity = 6, reference = "PO-77" };

        var first = await (await _procurement.PostAsJsonAsync("/api/receipts", body)).ReadAsync<MovementResult>(HttpStatusCode.Created);
        var repeat = await (await _procurement.PostAsJsonAsync("/api/receipts", body)).ReadAsync<MovementResult>(HttpStatusCode.OK);

        Assert.Equal(first.Movements[0].Id, repeat.Movements[0].Id);
        Assert.Equal(("receipt", 6m, "PO-77", "service:procurement", line),
            (first.Movements[0].Type, first.Movements[0].Quantity, first.Movements[0].Reference, first.Movements[0].UserId, first.Movements[0].ReceiptLineId!.Value));
        Assert.Equal(6, await _data.OnHandAsync(_item.Id, _location.Id));
    }

    [Fact]
    public async Task A_refused_receipt_can_be_posted_again_once_the_problem_is_fixed()
    {
        var line = Guid.NewGuid();
        (await _manager.PostAsync($"/api/locations/{_location.Id}/archive", null)).EnsureSuccessStatusCode();
        var body = new { receiptLineId = line, itemId = _item.Id, locationId = _location.Id, quantity = 2 };

        var refused = await _procurement.PostAsJsonAsync("/api/receipts", body);
        (await _manager.PostAsync($"/api/locations/{_location.Id}/unarchive", null)).EnsureSuccessStatusCode();
        var accepted = await _procurement.PostAsJsonAsync("/api/receipts", body);

        Assert.Contains("locationId", (await refused.AssertProblemAsync(HttpStatusCode.Conflict)).Keys);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
    }

    [Theory]
    [InlineData("""{"itemId":"{ITEM}","locationId":"{LOC}","quantity":1}""", "receiptLineId")]
    [InlineData("""{"receiptLineId":"{LINE}","locationId":"{LOC}","quantity":1}""", "itemId")]
    [InlineData("""{"receiptLineId":"{LINE}","itemId":"{ITEM}","locationId":"{LOC}","quantity":-1}""", "quantity")]
    [InlineData("""{"receiptLineId":"{LINE}","itemId":"{ITEM}","locationId":"{LOC}","quantity":1.5}""", "quantity")]
    [InlineData("""{"receiptLineId":"nope","itemId":"{ITEM}","locationId":"{LOC}","quantity":1}""", "receiptLineId")]
    public async Task Bad_receipts_are_400_naming_the_field(string template, string field)
    {
        var json = template.Replace("{ITEM}", _item.Id.ToString()).Replace("{LOC}", _location.Id.ToString()).Replace("{LINE}", Guid.NewGuid().ToString());

        var response = await _procurement.PostAsync("/api/receipts", CatalogTestData.JsonBody(json));

        Assert.Contains(field, (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).Keys);
        Assert.Equal(0, await _data.ScalarAsync<long>("SELECT count(*) FROM movements"));
    }

    [Fact]
    public async Task Users_cannot_post_procurement_receipts()
    {
        var response = await fixture.Catalog.CreateClientAs(Roles.Admin).PostAsJsonAsync("/api/receipts",
            new { receiptLineId = Guid.NewGuid(), itemId = _item.Id, locationId = _location.Id, quantity = 1 });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
