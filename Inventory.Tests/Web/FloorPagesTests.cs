using System.Net;
using Inventory.ServiceDefaults.Security;
using Inventory.CatalogService.Items;
using Inventory.CatalogService.Locations;
using Inventory.ProcurementService.PurchaseOrders;
using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.Web;

/// <summary>Floor mode's roles and its one booking: a Viewer may look up but not receive; a Clerk posts a receipt once, however often the button is pressed.</summary>
[Collection(WebAppCollection.Name)]
public sealed class FloorPagesTests(WebAppFixture fixture) : IDisposable
{
    private readonly CatalogUi _catalog = new(fixture);
    private readonly ProcurementUi _procurement = new(fixture);

    public void Dispose()
    {
        _catalog.Dispose();
        _procurement.Dispose();
    }

    private async Task<(PurchaseOrderDto Order, LocationDto Location, ItemDto Item)> OrderAsync()
    {
        var location = await _catalog.WarehouseAsync(CatalogUi.Unique("FLWH"));
        var item = await _catalog.ItemAsync(CatalogUi.Unique("FLOOR"));
        var supplier = await _procurement.SupplierAsync(ProcurementUi.Unique("Floor"));
        return (await _procurement.SubmittedOrderAsync(supplier.Id, item.Id, 6, 1m), location, item);
    }

    private static Dictionary<string, string> Receipt(PurchaseOrderDto order, LocationDto location, ItemDto item, decimal quantity, string key) => new()
    {
        ["OrderId"] = order.Id.ToString(),
        ["LocationId"] = location.Id.ToString(),
        ["Batch.Lines[0].ItemId"] = item.Id.ToString(),
        ["Batch.Lines[0].Sku"] = item.Sku,
        ["Batch.Lines[0].Name"] = item.Name,
        ["Batch.Lines[0].Quantity"] = quantity.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Batch.IdempotencyKey"] = key,
    };

    [Fact]
    public async Task A_viewer_sees_only_look_up_on_the_hub_and_is_refused_receiving()
    {
        var (order, location, item) = await OrderAsync();
        using var viewer = await SignIn.NewPersonAsync(fixture.Address, Roles.Viewer);

        var hub = await Html.ReadAsync(await viewer.GetAsync("/floor"));
        Assert.True(Html.HasId(hub, "floor-lookup"));
        Assert.False(Html.HasId(hub, "floor-receive"));
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/floor/lookup")).StatusCode);
        Assert.Equal("/access-denied", (await viewer.GetAsync("/floor/receive")).RequestMessage!.RequestUri!.AbsolutePath);
        var lookup = await Html.ReadAsync(await viewer.GetAsync("/floor/lookup"));
        var refused = await viewer.SubmitLoadedFormAsync(lookup, "/floor/receive?handler=Post", Receipt(order, location, item, 2, Guid.NewGuid().ToString()));

        Assert.Equal("/access-denied", refused.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Empty(await _procurement.ReceiptLinesAsync(order.Id));
    }

    [Fact]
    public async Task A_clerk_posts_a_receipt_and_the_same_batch_posted_twice_books_once()
    {
        var (order, location, item) = await OrderAsync();
        using var clerk = await SignIn.NewPersonAsync(fixture.Address, Roles.Clerk);
        var hub = await Html.ReadAsync(await clerk.GetAsync("/floor"));
        Assert.True(Html.HasId(hub, "floor-receive"));
        var page = await Html.ReadAsync(await clerk.GetAsync($"/floor/receive?orderId={order.Id}&locationId={location.Id}"));
        Assert.True(Html.HasId(page, "floor-post"));
        var batch = Receipt(order, location, item, 2, Guid.NewGuid().ToString());

        var first = await clerk.SubmitLoadedFormAsync(page, "/floor/receive?handler=Post", batch);
        var second = await clerk.SubmitLoadedFormAsync(page, "/floor/receive?handler=Post", batch);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains($"Posted a receipt of 1 line on {order.Number}.", await Html.ReadAsync(second));
        var lines = await _procurement.ReceiptLinesAsync(order.Id);
        Assert.Equal([(item.Id, location.Id, 2m)], lines.Select(l => (l.ItemId, l.LocationId, l.Quantity)));
        Assert.Equal(2m, (await _procurement.OrderAsync(order.Id)).Lines[0].QuantityReceived);
    }
}
