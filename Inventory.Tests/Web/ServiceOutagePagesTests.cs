using System.Diagnostics;
using System.Net;
using Inventory.ServiceDefaults;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.Web;

/// <summary>
/// Web with its link to the catalog frozen or down (a Web of its own, so its circuit breaker does not trouble other
/// tests): every page answers within 5 s saying what is unavailable, what Web does not need the catalog for keeps
/// working (the receive form posts to procurement, which checks with the catalog itself), and once the breaker is
/// open pages stop waiting for the catalog at all.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class ServiceOutagePagesTests(WebAppFixture fixture) : IAsyncLifetime, IWebApp
{
    private static readonly TimeSpan PageTarget = TimeSpan.FromSeconds(5);
    private const string CatalogNotAnswering = "The catalog service is not answering right now";
    private readonly LinkFaults _catalog = new();
    private WebFactory _web = null!;

    public Uri Address { get; private set; } = null!;

    public HttpClient CreateServiceClient(string service, string role) => fixture.CreateServiceClient(service, role);

    public async Task InitializeAsync() => (_web, Address) = await WebAppFixture.StartWebAsync(fixture.Services, fixture.OAuth, catalogLink: _catalog);

    public async Task DisposeAsync() => await _web.DisposeAsync();

    [Fact]
    public async Task With_webs_link_to_the_catalog_frozen_pages_answer_within_5_s_saying_so_and_the_receive_form_still_posts()
    {
        using var ui = new ProcurementUi(this);
        var item = await ui.ItemAsync(ProcurementUi.Unique("SKU"));
        var warehouse = await ui.WarehouseAsync(ProcurementUi.Unique("WH"));
        var supplier = await ui.SupplierAsync(ProcurementUi.Unique("Vendor"));
        var order = await ui.SubmittedOrderAsync(supplier.Id, item.Id, quantity: 10, unitPrice: 2);
        using var clerk = await ui.SignInAsync(Roles.Clerk);
        var receiveUrl = $"/purchase-orders/{order.Id}/receive";
        var pages = new[] { $"/inventory/{item.Id}", "/inventory", "/dashboard" };
        // Each page once while the catalog answers, so the times measured below are the budgets', not a cold path's.
        foreach (var page in pages.Append(receiveUrl))
            Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync(page)).StatusCode);
        _catalog.Frozen = true;

        foreach (var page in pages)
        {
            var (answer, took) = await TimedAsync(() => clerk.GetAsync(page));
            Assert.True(took < PageTarget, $"{page} took {took}");
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Contains(CatalogNotAnswering, await Html.ReadAsync(answer));
        }

        var (form, formTook) = await TimedAsync(() => clerk.GetAsync(receiveUrl));
        var formPage = await Html.ReadAsync(form);
        Assert.True(formTook < PageTarget, $"the receive page took {formTook}");
        Assert.True(Html.HasId(formPage, "receive-form"));
        Assert.Contains("The location list cannot be shown; enter the location", Html.Decode(formPage));

        var (received, receiveTook) = await TimedAsync(() => clerk.SubmitLoadedFormAsync(formPage, receiveUrl, new Dictionary<string, string>
        {
            ["Input.IdempotencyKey"] = Html.InputValue(formPage, "Input.IdempotencyKey")!,
            ["Input.LocationId"] = warehouse.Id.ToString(),
            ["Input.Lines[0].LineId"] = Html.InputValue(formPage, "Input.Lines[0].LineId")!,
            ["Input.Lines[0].Quantity"] = "4",
        }, follow: false));
        Assert.True(receiveTook < PageTarget, $"receiving took {receiveTook}");
        Assert.Equal(HttpStatusCode.Redirect, received.StatusCode);
        Assert.Equal(4m, (await ui.OrderAsync(order.Id)).Lines.Single().QuantityReceived);

        var (details, detailsTook) = await TimedAsync(() => clerk.GetAsync(received.Headers.Location!.OriginalString));
        Assert.True(detailsTook < PageTarget, $"the order page took {detailsTook}");
        Assert.Equal("PartiallyReceived", Html.OrderStatus(await Html.ReadAsync(details)));
    }

    [Fact]
    public async Task Once_the_catalog_keeps_failing_its_breaker_opens_pages_stop_calling_it_and_procurement_pages_still_work()
    {
        using var ui = new ProcurementUi(this);
        var supplier = await ui.SupplierAsync(ProcurementUi.Unique("Vendor"));
        using var viewer = await SignIn.NewPersonAsync(Address, Roles.Viewer);
        _catalog.Reset(); // count only what happens from here
        _catalog.Down = true;
        // Each list read is tried 1 + retries times: two pages are past the breaker's minimum throughput.
        for (var i = 0; i < 2; i++)
            Assert.Contains(CatalogNotAnswering, await Html.ReadAsync(await viewer.GetAsync("/inventory")));
        var attempted = _catalog.Attempted;

        foreach (var page in new[] { "/inventory", "/categories", "/locations", "/counts" })
            Assert.Contains(CatalogNotAnswering, await Html.ReadAsync(await viewer.GetAsync(page)));

        Assert.Equal(attempted, _catalog.Attempted);
        Assert.True(attempted > 0);
        var suppliers = await Html.ReadAsync(await viewer.GetAsync("/suppliers"));
        Assert.DoesNotContain("not answering", suppliers);
        Assert.Contains($"data-supplier-id=\"{supplier.Id}\"", suppliers);
    }

    private static async Task<(HttpResponseMessage Answer, TimeSpan Took)> TimedAsync(Func<Task<HttpResponseMessage>> send)
    {
        var watch = Stopwatch.StartNew();
        var answer = await send();
        return (answer, watch.Elapsed);
    }
}
