using System.Net;
using System.Net.Http.Json;
using Inventory.ProcurementService.Purchasing;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.Service.Procurement;

[Collection(ServicesCollection.Name)]
public sealed class ItemPurchasingTests(ServicesFixture fixture) : IAsyncLifetime
{
    private readonly ProcurementTestData _data = new(fixture);
    private ReceivingSteps Steps => _steps ??= new(_data);
    private ReceivingSteps? _steps;

    public Task InitializeAsync() => _data.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task On_order_counts_what_is_still_to_come_of_submitted_and_partly_received_orders_only()
    {
        var acme = await _data.SupplierAsync("Acme", "EUR");
        var bolt = await _data.ItemAsync("BOLT-1");
        var partly = await _data.SubmittedAsync(acme.Id, (bolt.Id, 10, 2));
        await Steps.ReceiveAsync(partly, 4);
        var submitted = await _data.SubmittedAsync(acme.Id, (bolt.Id, 5, 2));
        await _data.DraftAsync(acme.Id, (bolt.Id, 100, 2));
        var cancelled = await _data.SubmittedAsync(acme.Id, (bolt.Id, 1000, 2));
        await Cancel(cancelled.Id, cancelled.Version);
        var closed = await _data.SubmittedAsync(acme.Id, (bolt.Id, 50, 2));
        await Steps.ReceiveAsync(closed, 1);
        await Close(closed.Id);

        var purchasing = await GetAsync(bolt.Id);

        Assert.Equal(6 + 5, purchasing.OnOrder);
        Assert.Equal([partly.Number, submitted.Number], purchasing.OpenOrders.Select(o => o.Number).Order());
        var partOrder = Assert.Single(purchasing.OpenOrders, o => o.OrderId == partly.Id);
        Assert.Equal(("PartiallyReceived", 10m, 4m, 6m, "Acme"), (partOrder.Status, partOrder.Ordered, partOrder.Received, partOrder.Remaining, partOrder.SupplierName));
    }

    [Fact]
    public async Task The_item_lists_its_supplier_items_preferred_first_with_supplier_name_currency_and_lead_time()
    {
        var acme = await _data.SupplierAsync("Acme", "EUR");
        var bolts = await _data.SupplierAsync("Bolts Ltd", "GBP");
        var item = await _data.ItemAsync("BOLT-2");
        await _data.SupplierItemAsync(acme.Id, item.Id, 1.5m);
        await _data.SupplierItemAsync(bolts.Id, item.Id, 2.5m, preferred: true);

        var purchasing = await GetAsync(item.Id);

        Assert.Equal(["Bolts Ltd", "Acme"], purchasing.Suppliers.Select(s => s.SupplierName));
        Assert.Equal(("GBP", 2.5m, true), (purchasing.Suppliers[0].Currency, purchasing.Suppliers[0].UnitPrice, purchasing.Suppliers[0].IsPreferred));
        Assert.Equal(0, purchasing.OnOrder);
        Assert.Empty(purchasing.OpenOrders);
    }

    [Fact]
    public async Task A_viewer_may_read_an_items_purchasing_and_an_anonymous_caller_may_not()
    {
        var item = Guid.NewGuid();
        var viewer = fixture.Procurement.CreateClientAs(Roles.Viewer, "viewer-1");

        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"/api/items/{item}/purchasing")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Procurement.CreateClient().GetAsync($"/api/items/{item}/purchasing")).StatusCode);
    }

    private async Task<ItemPurchasingDto> GetAsync(Guid itemId) =>
        (await _data.Clerk.GetFromJsonAsync<ItemPurchasingDto>($"/api/items/{itemId}/purchasing"))!;

    private async Task Cancel(Guid id, int version) =>
        (await _data.Manager.PostAsJsonAsync($"/api/purchase-orders/{id}/cancel", new { version })).EnsureSuccessStatusCode();

    private async Task Close(Guid id) =>
        (await _data.Manager.PostAsJsonAsync($"/api/purchase-orders/{id}/close", new { version = (await _data.OrderAsync(id)).Version })).EnsureSuccessStatusCode();
}
