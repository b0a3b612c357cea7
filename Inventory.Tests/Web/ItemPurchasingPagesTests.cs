using System.Net;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.Web;

/// <summary>
/// The item page's purchasing card: suppliers and their terms, the quantity on order and the open orders; and the
/// page without it when procurement is down (a Web of its own whose link to procurement a test can cut).
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class ItemPurchasingPagesTests(WebAppFixture fixture) : IAsyncLifetime, IWebApp
{
    private readonly LinkFaults _procurement = new();
    private WebFactory _web = null!;

    public Uri Address { get; private set; } = null!;

    public HttpClient CreateServiceClient(string service, string role) => fixture.CreateServiceClient(service, role);

    public async Task InitializeAsync() => (_web, Address) = await WebAppFixture.StartWebAsync(fixture.Services, fixture.OAuth, procurementLink: _procurement);

    public async Task DisposeAsync() => await _web.DisposeAsync();

    [Fact]
    public async Task The_item_page_shows_its_suppliers_the_quantity_on_order_and_the_open_orders_but_not_drafts()
    {
        using var ui = new ProcurementUi(this);
        var item = await ui.ItemAsync(ProcurementUi.Unique("SKU"));
        var warehouse = await ui.WarehouseAsync(ProcurementUi.Unique("WH"));
        var supplier = await ui.SupplierAsync(ProcurementUi.Unique("Vendor"), "GBP");
        await ui.SupplierItemAsync(supplier.Id, item.Id, 4.2m, supplierSku: "V-1", leadTimeDays: 9, preferred: true);
        var partly = await ui.SubmittedOrderAsync(supplier.Id, item.Id, quantity: 10, unitPrice: 4.2m);
        await ui.ReceiveAsync(partly, warehouse.Id, 3);
        var draft = await ui.DraftOrderAsync(supplier.Id, item.Id, quantity: 500, unitPrice: 4.2m);
        using var viewer = await ui.SignInAsync(Roles.Viewer);

        var page = Html.Decode(await Html.ReadAsync(await viewer.GetAsync($"/inventory/{item.Id}")));

        Assert.Matches("data-field=\"onOrder\">7<", page);
        Assert.Contains("4.20 GBP", page);
        Assert.Contains("9 days", page);
        Assert.Contains(">V-1<", page);
        Assert.Contains("Preferred", page);
        Assert.Contains($"href=\"/suppliers/{supplier.Id}\"", page);
        Assert.Contains($"href=\"/purchase-orders/{partly.Id}\">{partly.Number}<", page);
        Assert.Contains("Partially received", page);
        Assert.DoesNotContain(draft.Number, page);
        // And back: the SKU on the supplier's and the order's page links to the item.
        var itemLink = $"href=\"/inventory/{item.Id}\">{item.Sku}</a>";
        Assert.Contains(itemLink, await Html.ReadAsync(await viewer.GetAsync($"/suppliers/{supplier.Id}")));
        Assert.Contains(itemLink, await Html.ReadAsync(await viewer.GetAsync($"/purchase-orders/{partly.Id}")));
    }

    [Fact]
    public async Task With_procurement_down_the_item_page_still_shows_the_item_and_says_purchasing_is_unavailable()
    {
        using var ui = new ProcurementUi(this);
        var item = await ui.ItemAsync(ProcurementUi.Unique("SKU"));
        using var viewer = await ui.SignInAsync(Roles.Viewer);
        _procurement.Down = true;

        var answer = await viewer.GetAsync($"/inventory/{item.Id}");
        var page = Html.Decode(await Html.ReadAsync(answer));

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains(item.Sku, page);
        Assert.True(Html.HasId(page, "stock-heading"));
        Assert.True(Html.HasId(page, "purchasing-unavailable"));
        Assert.Contains("Purchasing is unavailable", page);
    }
}
