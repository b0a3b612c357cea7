using System.Net;
using System.Net.Http.Json;
using Inventory.ProcurementService.PurchaseOrders;
using Inventory.ProcurementService.Suppliers;
using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.Service.Procurement;

/// <summary>Every procurement write takes an Idempotency-Key (receipts have their own tests in ReceivingTests).</summary>
[Collection(ServicesCollection.Name)]
public sealed class WriteIdempotencyTests(ServicesFixture fixture) : IAsyncLifetime
{
    private readonly ProcurementTestData _data = new(fixture);

    public Task InitializeAsync() => _data.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body, string key)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return _data.Manager.SendAsync(request);
    }

    [Fact]
    public async Task Concurrent_identical_supplier_creations_with_one_key_create_one_supplier()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ =>
            SendAsync(HttpMethod.Post, "/api/suppliers", new { name = "Acme", currency = "EUR" }, "create-acme")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var ids = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<SupplierDto>())!.Id));
        Assert.Single(ids.Distinct());
        Assert.Equal(11, responses.Count(r => r.Headers.Contains("Idempotent-Replayed")));
        var all = (await _data.Manager.GetFromJsonAsync<Page<SupplierDto>>("/api/suppliers?includeArchived=true"))!;
        Assert.Single(all.Items);
    }

    [Fact]
    public async Task A_retried_update_answers_what_the_first_did_and_the_key_with_another_body_is_422()
    {
        var supplier = await _data.SupplierAsync("Acme");

        var first = await SendAsync(HttpMethod.Put, $"/api/suppliers/{supplier.Id}", new { version = supplier.Version, name = "Acme Ltd" }, "rename");
        var retry = await SendAsync(HttpMethod.Put, $"/api/suppliers/{supplier.Id}", new { name = "Acme Ltd", version = supplier.Version }, "rename");
        var other = await SendAsync(HttpMethod.Put, $"/api/suppliers/{supplier.Id}", new { version = supplier.Version, name = "Acme plc" }, "rename");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode); // not the stale-version 409 a second save would get
        Assert.True(retry.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Contains("Idempotency-Key", (await other.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).Keys);
        Assert.Equal("Acme Ltd", (await _data.Manager.GetFromJsonAsync<SupplierDto>($"/api/suppliers/{supplier.Id}"))!.Name);
    }

    [Fact]
    public async Task A_retried_submit_submits_once_and_answers_the_same_order()
    {
        var supplier = await _data.SupplierAsync();
        var item = await _data.ItemAsync("I-1");
        var draft = await _data.DraftAsync(supplier.Id, (item.Id, 5, 2));

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            SendAsync(HttpMethod.Post, $"/api/purchase-orders/{draft.Id}/submit", new { version = draft.Version }, "submit-1")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var order = await _data.OrderAsync(draft.Id);
        Assert.Equal("Submitted", order.Status);
        Assert.Single(order.StatusHistory, s => s.To == "Submitted");
    }

    [Fact]
    public async Task A_retried_delete_of_a_supplier_item_is_204_again_and_not_404()
    {
        var supplier = await _data.SupplierAsync();
        var item = await _data.ItemAsync("I-1");
        var link = await _data.SupplierItemAsync(supplier.Id, item.Id, 1);

        var first = await SendAsync(HttpMethod.Delete, $"/api/supplier-items/{link.Id}", null, "unlink");
        var retry = await SendAsync(HttpMethod.Delete, $"/api/supplier-items/{link.Id}", null, "unlink");
        var withoutKey = await _data.Manager.DeleteAsync($"/api/supplier-items/{link.Id}");

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, retry.StatusCode);
        Assert.True(retry.Headers.Contains("Idempotent-Replayed"));
        await withoutKey.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_retried_replenishment_creates_its_drafts_once()
    {
        var acme = await _data.SupplierAsync("Acme");
        var low = await _data.ItemAsync("A-1", reorderPoint: 10, reorderQuantity: 5);
        await _data.SupplierItemAsync(acme.Id, low.Id, 1m, preferred: true);

        var first = await SendAsync(HttpMethod.Post, "/api/replenishment/drafts", new { itemIds = new[] { low.Id } }, "reorder");
        var retry = await SendAsync(HttpMethod.Post, "/api/replenishment/drafts", new { itemIds = new[] { low.Id } }, "reorder");

        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        var drafts = (await _data.Manager.GetFromJsonAsync<Page<PurchaseOrderSummaryDto>>("/api/purchase-orders?status=draft"))!;
        Assert.Single(drafts.Items);
    }

    [Fact]
    public async Task A_malformed_key_is_a_400_naming_the_header()
    {
        var response = await SendAsync(HttpMethod.Post, "/api/suppliers", new { name = "Acme" }, new string('k', 201));

        Assert.Contains("Idempotency-Key", (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).Keys);
    }
}
