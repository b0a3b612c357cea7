using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inventory.ProcurementService.PurchaseOrders;
using Inventory.ProcurementService.Receiving;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.Service.Procurement;

/// <summary>
/// A receipt line the catalog refuses for good is Rejected with the catalog's reason and left alone, never retried
/// forever; a person retries it once the cause is fixed or moves it into another location, and the stock arrives once.
/// </summary>
[Collection(ServicesCollection.Name)]
public sealed class ReceiptRejectionTests(ServicesFixture fixture) : IAsyncLifetime
{
    private readonly ProcurementTestData _data = new(fixture);

    public Task InitializeAsync() => _data.ResetAsync();

    public Task DisposeAsync()
    {
        fixture.ResetLinks();
        return Task.CompletedTask;
    }

    /// <summary>An order received into a location archived in the catalog since: its line is rejected.</summary>
    private async Task<(PurchaseOrderDto Order, Guid ItemId, Guid Archived, ReceiptLineDto Line)> RejectedAsync(decimal quantity = 4)
    {
        var supplier = await _data.SupplierAsync();
        var item = await _data.ItemAsync("REJ-1");
        var location = await _data.LocationAsync("OLD-1");
        var order = await _data.SubmittedAsync(supplier.Id, (item.Id, 10, 2));
        // Received while the location was active (receiving checks it), archived before the line could post.
        fixture.PostingLink.Down = true;
        (await new ReceivingSteps(_data).TryReceiveAsync(order, quantity, location: location)).EnsureSuccessStatusCode();
        (await _data.CatalogManager.PostAsync($"/api/locations/{location}/archive", null)).EnsureSuccessStatusCode();
        fixture.PostingLink.Reset();
        await Eventually.TrueAsync(async () => (await LinesAsync(order.Id)).Single().PostingState == "Rejected", "the line is rejected");
        return (order, item.Id, location, (await LinesAsync(order.Id)).Single());
    }

    private async Task<List<ReceiptLineDto>> LinesAsync(Guid orderId) =>
        (await _data.Manager.GetFromJsonAsync<List<ReceiptDto>>($"/api/purchase-orders/{orderId}/receipts"))!.SelectMany(r => r.Lines).ToList();

    private Task WaitUntilPostedAsync(Guid orderId) =>
        Eventually.TrueAsync(async () => (await LinesAsync(orderId)).All(l => l.PostingState == "Posted"), "the line is posted");

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string path, object? body, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add(IdempotencyRules.HeaderName, key ?? Guid.NewGuid().ToString());
        return client.SendAsync(request);
    }

    private async Task<List<JsonElement>> AuditAsync(Guid lineId) =>
        (await _data.Manager.GetFromJsonAsync<JsonElement>($"/api/audit?entityType=receipt-line&entityId={lineId}"))
            .GetProperty("items").EnumerateArray().ToList();

    /// <summary>The catalog's stock of an item per location id.</summary>
    private async Task<Dictionary<Guid, decimal>> StockByLocationAsync(Guid itemId) =>
        (await _data.CatalogManager.GetFromJsonAsync<JsonElement>($"/api/items/{itemId}")).GetProperty("stock").EnumerateArray()
            .ToDictionary(s => s.GetProperty("locationId").GetGuid(), s => s.GetProperty("onHand").GetDecimal());

    [Fact]
    public async Task A_line_into_a_location_archived_in_the_catalog_is_rejected_with_the_reason_and_not_retried()
    {
        var (order, itemId, _, line) = await RejectedAsync();
        var delivered = fixture.PostingLink.Delivered;

        // Longer than the fixture's largest backoff (1 s): a line still being retried would have been posted again by now.
        await Task.Delay(TimeSpan.FromSeconds(2));

        var after = (await LinesAsync(order.Id)).Single();
        Assert.Equal(("Rejected", line.Attempts), (after.PostingState, after.Attempts));
        Assert.Contains("archived", line.LastError);
        Assert.Contains("OLD-1", line.LastError);
        Assert.DoesNotContain("{", line.LastError); // words, not the catalog's JSON
        Assert.Equal(delivered, fixture.PostingLink.Delivered); // not posted again, and nothing probed: nothing awaits the catalog
        Assert.Equal((0m, 0), await _data.StockAsync(itemId));
        var listed = (await _data.Manager.GetFromJsonAsync<Page<ReceiptLineDto>>("/api/receipts?state=rejected"))!;
        Assert.Equal([line.Id], listed.Items.Select(l => l.Id));
        var attention = (await _data.Manager.GetFromJsonAsync<ReceiptAttentionDto>("/api/receipts/attention"))!;
        Assert.Equal(1, attention.RejectedLines);
        Assert.Equal([(order.Id, order.Number, 1)], attention.Orders.Select(o => (o.PurchaseOrderId, o.Number, o.RejectedLines)));
        // The goods did arrive: the order's received quantities stay as they are.
        Assert.Equal(PurchaseOrderStatus.PartiallyReceived.ToString(), (await _data.OrderAsync(order.Id)).Status);
    }

    [Fact]
    public async Task Once_the_location_is_restored_a_clerks_retry_posts_the_line_once_and_a_replay_changes_nothing()
    {
        var (order, itemId, archived, line) = await RejectedAsync();
        (await _data.CatalogManager.PostAsync($"/api/locations/{archived}/unarchive", null)).EnsureSuccessStatusCode();
        var key = Guid.NewGuid().ToString();

        var retried = await SendAsync(_data.Clerk, $"/api/receipt-lines/{line.Id}/retry", null, key);
        var first = await retried.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal("Pending", JsonDocument.Parse(first).RootElement.GetProperty("postingState").GetString());
        await WaitUntilPostedAsync(order.Id);
        var replay = await SendAsync(_data.Clerk, $"/api/receipt-lines/{line.Id}/retry", null, key);

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(first, await replay.Content.ReadAsStringAsync());
        Assert.Equal((4m, 1), await _data.StockAsync(itemId));
        Assert.Equal(0, (await _data.Manager.GetFromJsonAsync<ReceiptAttentionDto>("/api/receipts/attention"))!.RejectedLines);
        var entry = Assert.Single(await AuditAsync(line.Id));
        Assert.Equal(("retry", "clerk-1"), (entry.GetProperty("action").GetString(), entry.GetProperty("userId").GetString()));
    }

    [Fact]
    public async Task A_rejected_line_moved_into_another_location_posts_there_and_the_move_is_audited()
    {
        var (order, itemId, archived, line) = await RejectedAsync();
        var other = await _data.LocationAsync("NEW-1");

        var moved = await SendAsync(_data.Manager, $"/api/receipt-lines/{line.Id}/move", new { locationId = other });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        await WaitUntilPostedAsync(order.Id);

        Assert.Equal(other, (await LinesAsync(order.Id)).Single().LocationId);
        Assert.Equal(new Dictionary<Guid, decimal> { [other] = 4m }, await StockByLocationAsync(itemId));
        var entry = Assert.Single(await AuditAsync(line.Id));
        Assert.Equal("move", entry.GetProperty("action").GetString());
        var location = entry.GetProperty("changes").GetProperty("locationId");
        Assert.Equal((archived.ToString(), other.ToString()), (location.GetProperty("before").GetString(), location.GetProperty("after").GetString()));
    }

    [Fact]
    public async Task Resolving_one_line_many_times_at_once_has_one_effect_and_the_stock_arrives_once()
    {
        var (order, itemId, archived, line) = await RejectedAsync();
        var other = await _data.LocationAsync("NEW-1");
        (await _data.CatalogManager.PostAsync($"/api/locations/{archived}/unarchive", null)).EnsureSuccessStatusCode();

        var attempts = Enumerable.Range(0, 8).Select(i => i % 2 == 0
            ? SendAsync(_data.Clerk, $"/api/receipt-lines/{line.Id}/retry", null)
            : SendAsync(_data.Manager, $"/api/receipt-lines/{line.Id}/move", new { locationId = other }));
        var answers = (await Task.WhenAll(attempts)).Select(r => r.StatusCode).ToList();
        await WaitUntilPostedAsync(order.Id);

        Assert.Equal(1, answers.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(7, answers.Count(s => s == HttpStatusCode.Conflict));
        Assert.Single(await AuditAsync(line.Id));
        Assert.Equal((4m, 1), await _data.StockAsync(itemId));
        Assert.Equal(4m, (await StockByLocationAsync(itemId)).Values.Sum());
    }

    [Fact]
    public async Task Resolving_is_refused_with_the_field_for_a_missing_line_a_line_not_rejected_and_a_bad_location()
    {
        var (order, _, archived, line) = await RejectedAsync();

        var missing = await SendAsync(_data.Clerk, $"/api/receipt-lines/{Guid.NewGuid()}/retry", null);
        var noLocation = await SendAsync(_data.Clerk, $"/api/receipt-lines/{line.Id}/move", new { });
        var sameLocation = await SendAsync(_data.Clerk, $"/api/receipt-lines/{line.Id}/move", new { locationId = archived });
        var viewer = await SendAsync(fixture.Procurement.CreateClientAs(Roles.Viewer, "viewer-1"), $"/api/receipt-lines/{line.Id}/retry", null);
        (await _data.CatalogManager.PostAsync($"/api/locations/{archived}/unarchive", null)).EnsureSuccessStatusCode();
        (await SendAsync(_data.Clerk, $"/api/receipt-lines/{line.Id}/retry", null)).EnsureSuccessStatusCode();
        await WaitUntilPostedAsync(order.Id);
        var posted = await SendAsync(_data.Clerk, $"/api/receipt-lines/{line.Id}/retry", null);

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("locationId", (await noLocation.AssertProblemAsync(HttpStatusCode.BadRequest)).Keys);
        Assert.Contains("locationId", (await sameLocation.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).Keys);
        Assert.Equal(HttpStatusCode.Forbidden, viewer.StatusCode);
        Assert.Contains("postingState", (await posted.AssertProblemAsync(HttpStatusCode.Conflict)).Keys);
    }
}
