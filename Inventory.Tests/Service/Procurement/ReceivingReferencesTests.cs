using System.Net;
using System.Net.Http.Json;
using Inventory.ProcurementService.PurchaseOrders;
using Inventory.ProcurementService.Receiving;
using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.Service.Procurement;

/// <summary>
/// Receiving asks the catalog before it records anything: a location or item the catalog would refuse is refused
/// here, naming the field, instead of a receipt whose lines then fail in the catalog for ever.
/// </summary>
[Collection(ServicesCollection.Name)]
public sealed class ReceivingReferencesTests(ServicesFixture fixture) : IAsyncLifetime
{
    private readonly ProcurementTestData _data = new(fixture);

    public Task InitializeAsync() => _data.ResetAsync();

    public Task DisposeAsync()
    {
        fixture.ResetLinks();
        return Task.CompletedTask;
    }

    private async Task<(PurchaseOrderDto Order, Guid ItemId)> OrderAsync()
    {
        var supplier = await _data.SupplierAsync();
        var item = await _data.ItemAsync("REF-1");
        return (await _data.SubmittedAsync(supplier.Id, (item.Id, 10, 2)), item.Id);
    }

    private Task<HttpResponseMessage> ReceiveAsync(PurchaseOrderDto order, Guid location, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/purchase-orders/{order.Id}/receipts")
        {
            Content = JsonContent.Create(new { locationId = location, lines = new[] { new { lineId = order.Lines[0].Id, quantity = 4 } } }),
        };
        if (key is not null)
            request.Headers.Add(IdempotencyRules.HeaderName, key);
        return _data.Clerk.SendAsync(request);
    }

    private async Task AssertNothingReceivedAsync(PurchaseOrderDto order)
    {
        var now = await _data.OrderAsync(order.Id);
        Assert.Equal(("Submitted", 0m), (now.Status, now.Lines.Single().QuantityReceived));
        Assert.Empty((await _data.Manager.GetFromJsonAsync<List<ReceiptDto>>($"/api/purchase-orders/{order.Id}/receipts"))!);
    }

    [Fact]
    public async Task A_location_the_catalog_does_not_have_is_a_422_naming_it_and_nothing_is_received()
    {
        var (order, _) = await OrderAsync();

        var response = await ReceiveAsync(order, Guid.CreateVersion7());

        Assert.Contains("locationId", (await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).Keys);
        await AssertNothingReceivedAsync(order);
    }

    [Fact]
    public async Task An_archived_location_is_a_409_naming_it()
    {
        var (order, _) = await OrderAsync();
        var location = await _data.LocationAsync("GONE-1");
        (await _data.CatalogManager.PostAsync($"/api/locations/{location}/archive", null)).EnsureSuccessStatusCode();

        var response = await ReceiveAsync(order, location);

        var errors = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("GONE-1", Assert.Single(errors["locationId"]));
        await AssertNothingReceivedAsync(order);
    }

    [Fact]
    public async Task A_line_whose_item_was_archived_since_ordering_is_a_409_naming_the_line()
    {
        var (order, itemId) = await OrderAsync();
        var location = await _data.LocationAsync();
        (await _data.CatalogManager.PostAsync($"/api/items/{itemId}/archive", null)).EnsureSuccessStatusCode();

        var response = await ReceiveAsync(order, location);

        var errors = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("REF-1", Assert.Single(errors["lines[0].lineId"]));
        await AssertNothingReceivedAsync(order);
    }

    [Fact]
    public async Task With_the_catalog_unreachable_receiving_is_a_503_with_retry_after_and_nothing_is_received()
    {
        var (order, _) = await OrderAsync();
        var location = await _data.LocationAsync();
        fixture.CatalogLink.Down = true;

        var response = await ReceiveAsync(order, location);

        await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.NotNull(response.Headers.RetryAfter);
        await AssertNothingReceivedAsync(order);
    }

    [Fact]
    public async Task A_replay_of_a_recorded_receipt_gets_the_first_answer_even_with_the_catalog_unreachable()
    {
        var (order, _) = await OrderAsync();
        var location = await _data.LocationAsync();
        var key = Guid.NewGuid().ToString();
        var first = await ReceiveAsync(order, location, key);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        fixture.CatalogLink.Down = true;

        var replay = await ReceiveAsync(order, location, key);

        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
        Assert.Equal(4m, (await _data.OrderAsync(order.Id)).Lines.Single().QuantityReceived);
    }
}
