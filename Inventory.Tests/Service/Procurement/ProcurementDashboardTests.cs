using System.Net.Http.Json;
using Inventory.ProcurementService.Receiving;
using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.Service.Procurement;

/// <summary>The dashboard's procurement figures: open orders by status, and received lines not in stock yet with their orders.</summary>
[Collection(ServicesCollection.Name)]
public sealed class ProcurementDashboardTests(ServicesFixture fixture) : IAsyncLifetime
{
    private readonly ProcurementTestData _data = new(fixture);

    public Task InitializeAsync() => _data.ResetAsync();

    public Task DisposeAsync()
    {
        fixture.ResetLinks();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Open_orders_are_counted_by_status_and_a_line_the_catalog_has_not_taken_yet_is_waiting_on_its_order()
    {
        var supplier = await _data.SupplierAsync();
        var item = await _data.ItemAsync("DASH-1");
        await _data.DraftAsync(supplier.Id, (item.Id, 5, 1));
        await _data.DraftAsync(supplier.Id, (item.Id, 6, 1));
        await _data.SubmittedAsync(supplier.Id, (item.Id, 7, 1));
        var received = await _data.SubmittedAsync(supplier.Id, (item.Id, 10, 1));
        fixture.PostingLink.Down = true; // the receipt stays in the outbox: waiting to post
        (await new ReceivingSteps(_data).TryReceiveAsync(received, 4)).EnsureSuccessStatusCode();

        var dashboard = (await _data.Manager.GetFromJsonAsync<ProcurementDashboardDto>("/api/dashboard"))!;

        Assert.Equal([("Draft", 2), ("Submitted", 1), ("PartiallyReceived", 1)], dashboard.OpenOrders.Select(o => (o.Status, o.Count)));
        Assert.Equal((1, 0), (dashboard.WaitingReceiptLines, dashboard.RejectedReceiptLines));
        Assert.Equal([(received.Id, received.Number, 1)], dashboard.WaitingOrders.Select(o => (o.PurchaseOrderId, o.Number, o.WaitingLines)));
    }
}
