using System.Net;
using System.Text;
using Inventory.Web.Services;
using Inventory.Web.Services.Catalog;
using Inventory.Web.Services.Procurement;

namespace Inventory.Tests.Web;

/// <summary>
/// Web's typed clients against a stub service: every write carries the form's Idempotency-Key (one mechanism for both
/// services), the catalog's look-up by SKU or barcode is one call, and both services' audit answers read as the kit's shape.
/// </summary>
public sealed class WebClientWriteTests
{
    private const string Key = "form-key-1";
    private readonly List<HttpRequestMessage> _sent = [];

    [Fact]
    public async Task Every_procurement_write_sends_the_forms_idempotency_key()
    {
        var procurement = new ProcurementClient(Http("{}"));
        var supplier = new SupplierWrite("Acme", null, null, null, null, null, null, null, null, null);
        var id = Guid.NewGuid();

        await procurement.SaveSupplierAsync(null, supplier, Key, default);
        await procurement.SaveSupplierAsync(id, supplier with { Version = 2 }, Key, default);
        await procurement.SetSupplierArchivedAsync(id, true, Key, default);
        await procurement.CreateSupplierItemAsync(id, new SupplierItemWrite(id, null, 1, 0, null, false, null), Key, default);
        await procurement.UpdateSupplierItemAsync(id, new SupplierItemWrite(null, null, 1, 0, null, false, 1), Key, default);
        await procurement.DeleteSupplierItemAsync(id, Key, default);
        await procurement.SaveOrderAsync(null, new PurchaseOrderWrite(id, null, null, [], null), Key, default);
        await procurement.SaveOrderAsync(id, new PurchaseOrderWrite(null, null, null, [], 3), Key, default);
        await procurement.ChangeOrderStatusAsync(id, OrderAction.Submit, 3, Key, default);
        await procurement.ReceiveAsync(id, new ReceiveWrite(id, []), Key, default);
        await procurement.CreateDraftsAsync([id], Key, default);

        Assert.Equal(11, _sent.Count);
        Assert.All(_sent, request => Assert.Equal([Key], request.Headers.GetValues("Idempotency-Key")));
        Assert.Equal(["POST", "PUT", "POST", "POST", "PUT", "DELETE", "POST", "PUT", "POST", "POST", "POST"], _sent.Select(r => r.Method.Method));
    }

    [Fact]
    public async Task Every_catalog_write_sends_the_forms_idempotency_key()
    {
        var catalog = new CatalogClient(Http("{}"));
        var id = Guid.NewGuid();

        await catalog.SaveItemAsync(null, new ItemWrite("A-1", "A", null, "each", 0, 0, 0, null, null, null, 4), Key, default);
        await catalog.SaveItemAsync(id, new ItemWrite("A-1", "A", null, "each", 0, 0, 0, null, null, null, 4), Key, default);
        await catalog.SetItemArchivedAsync(id, false, Key, default);
        await catalog.BookMovementAsync(MovementKind.Issue, new MovementWrite(id, id, null, null, 1, null, null, null), Key, default);
        await catalog.OpenCountAsync(new OpenCountWrite(id, false, null), Key, default);
        await catalog.RecordCountsAsync(id, [], Key, default);
        await catalog.PostCountAsync(id, Key, default);
        await catalog.CancelCountAsync(id, Key, default);
        await catalog.SaveCategoryAsync(null, new CategoryWrite("Tools", null, null), Key, default);
        await catalog.SetCategoryArchivedAsync(id, true, Key, default);
        await catalog.SaveLocationAsync(id, new LocationWrite("WH", null, "warehouse", null, false, 1), Key, default);
        await catalog.SetLocationArchivedAsync(id, true, Key, default);
        await catalog.ImportItemsAsync(new MemoryStream("sku,name,unit\n"u8.ToArray()), Key, default);

        Assert.Equal(13, _sent.Count);
        Assert.All(_sent, request => Assert.Equal([Key], request.Headers.GetValues("Idempotency-Key")));
        // A create sends no version; an update the version read.
        Assert.DoesNotContain("\"version\":4", await _sent[0].Content!.ReadAsStringAsync());
        Assert.Contains("\"version\":4", await _sent[1].Content!.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_item_is_found_by_sku_or_barcode_with_one_look_up()
    {
        var catalog = new CatalogClient(Http("""{"id":"0b3a1e52-7d1f-4f7e-9d5c-2f0a4d6b8c11","sku":"BOLT-1","name":"Bolt","unit":"each"}"""));

        var found = await catalog.FindItemAsync(" 4006381333931 ", default);

        Assert.Equal("BOLT-1", found.Value!.Sku);
        var request = Assert.Single(_sent);
        Assert.Equal("/api/items/lookup?code=4006381333931", request.RequestUri!.PathAndQuery);
    }

    [Fact]
    public async Task No_item_with_the_code_is_no_item_not_a_problem()
    {
        var catalog = new CatalogClient(Http("""{"title":"No such item.","status":404}""", HttpStatusCode.NotFound));

        var found = await catalog.FindItemAsync("NOPE", default);

        Assert.True(found.Succeeded);
        Assert.Null(found.Value);
    }

    [Fact]
    public async Task The_catalog_being_down_during_a_look_up_is_a_problem_not_no_item()
    {
        var catalog = new CatalogClient(Http("""{"title":"Service Unavailable","status":503}""", HttpStatusCode.ServiceUnavailable));

        var found = await catalog.FindItemAsync("BOLT-1", default);

        Assert.True(found.Problem!.IsUnavailable);
    }

    [Fact]
    public async Task Both_services_audit_trails_read_as_the_kits_entries()
    {
        const string page = """
            {"items":[{"id":7,"entityType":"supplier","entityId":"0b3a1e52-7d1f-4f7e-9d5c-2f0a4d6b8c11","action":"update","userId":"u-1",
              "occurredAt":"2026-12-01T10:00:00Z","changes":{"name":{"before":"Acme","after":"Acme Ltd"}}}],"nextCursor":null}
            """;
        var id = Guid.Parse("0b3a1e52-7d1f-4f7e-9d5c-2f0a4d6b8c11");

        var fromProcurement = await new ProcurementClient(Http(page)).ListAuditAsync("supplier", id, 20, default);
        var fromCatalog = await new CatalogClient(Http(page)).ListAuditAsync("item", id, 20, default);

        var entry = Assert.Single(fromProcurement.Value!.Items);
        Assert.Equal(("update", "u-1"), (entry.Action, entry.UserId));
        Assert.Equal("Acme Ltd", entry.Changes["name"].After.GetString());
        Assert.Single(fromCatalog.Value!.Items);
        Assert.Equal($"/api/audit?entityType=supplier&entityId={id}&pageSize=20", _sent[0].RequestUri!.PathAndQuery);
    }

    [Fact]
    public async Task An_answer_of_another_shape_is_a_problem_the_page_shows_not_a_crash()
    {
        var result = await new ProcurementClient(Http("""[{"id":1,"changedBy":"x"}]""")).ListAuditAsync("supplier", Guid.NewGuid(), 20, default);

        Assert.Equal(502, result.Problem!.Status);
    }

    private HttpClient Http(string body, HttpStatusCode status = HttpStatusCode.OK) => new(new Stub(request =>
    {
        _sent.Add(request);
        return new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
    })) { BaseAddress = new Uri("http://service") };

    private sealed class Stub(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(answer(request));
    }
}
