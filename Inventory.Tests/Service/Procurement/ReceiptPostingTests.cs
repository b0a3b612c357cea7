using System.Net;
using System.Net.Http.Json;
using Inventory.ProcurementService.Receiving;
using Inventory.ServiceDefaults;
using Inventory.Tests.Infrastructure;
using Npgsql;

namespace Inventory.Tests.Service.Procurement;

/// <summary>Receipts reach the catalog's stock exactly once, whatever the network between them does.</summary>
[Collection(ServicesCollection.Name)]
public sealed class ReceiptPostingTests(ServicesFixture fixture) : IAsyncLifetime
{
    private readonly ProcurementTestData _data = new(fixture);

    public Task InitializeAsync() => _data.ResetAsync();

    public Task DisposeAsync()
    {
        fixture.ResetLinks();
        return Task.CompletedTask;
    }

    private async Task<(Inventory.ProcurementService.PurchaseOrders.PurchaseOrderDto Order, Guid ItemId, Guid Location)> OrderAsync(decimal quantity)
    {
        var supplier = await _data.SupplierAsync();
        var item = await _data.ItemAsync("R-1");
        var location = await _data.LocationAsync();
        return (await _data.SubmittedAsync(supplier.Id, (item.Id, quantity, 2)), item.Id, location);
    }

    private async Task ReceiveAsync(Inventory.ProcurementService.PurchaseOrders.PurchaseOrderDto order, decimal quantity, Guid location)
    {
        var response = await new ReceivingSteps(_data).TryReceiveAsync(order, quantity, location: location);
        response.EnsureSuccessStatusCode();
    }

    private async Task<List<ReceiptLineDto>> LinesAsync(Guid orderId) =>
        (await _data.Manager.GetFromJsonAsync<List<ReceiptDto>>($"/api/purchase-orders/{orderId}/receipts"))!.SelectMany(r => r.Lines).ToList();

    [Fact]
    public async Task A_receipt_is_posted_to_the_catalog_as_a_receipt_movement()
    {
        var (order, itemId, location) = await OrderAsync(10);

        await ReceiveAsync(order, 4, location);

        await Eventually.TrueAsync(async () => (await LinesAsync(order.Id)).All(l => l.PostingState == "Posted"), "the line is posted");
        Assert.Equal((4m, 1), await _data.StockAsync(itemId));
        var movement = (await _data.CatalogManager.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/items/{itemId}"))
            .GetProperty("recentMovements")[0];
        var receipt = (await _data.Manager.GetFromJsonAsync<List<ReceiptDto>>($"/api/purchase-orders/{order.Id}/receipts"))!.Single();
        Assert.Equal(order.Number, movement.GetProperty("reference").GetString());
        // The person who received the goods is the movement's user; procurement is only the channel it came through.
        Assert.False(receipt.ReceivedBy.StartsWith("service:", StringComparison.Ordinal));
        Assert.Equal(receipt.ReceivedBy, movement.GetProperty("userId").GetString());
        Assert.Equal("service:procurement", movement.GetProperty("channel").GetString());
        Assert.Equal(receipt.ReceivedAt, movement.GetProperty("actedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task While_the_catalog_is_down_receipts_are_accepted_and_wait_then_post_once_when_it_is_back()
    {
        var (order, itemId, location) = await OrderAsync(10);
        fixture.PostingLink.Down = true;

        await ReceiveAsync(order, 3, location);
        await ReceiveAsync(order, 2, location);
        await Eventually.TrueAsync(async () => (await LinesAsync(order.Id)).All(l => l.PostingState == "Failing" && l.Attempts > 0), "posting has been tried and failed");
        var failing = await LinesAsync(order.Id);
        Assert.All(failing, l => Assert.False(string.IsNullOrEmpty(l.LastError)));
        var pending = (await _data.Manager.GetFromJsonAsync<Page<ReceiptLineDto>>("/api/receipts?state=failing"))!;
        Assert.Equal(failing.Select(l => l.Id).Order(), pending.Items.Select(l => l.Id).Order());
        fixture.PostingLink.Down = false;
        Assert.Equal((0m, 0), await _data.StockAsync(itemId));

        await Eventually.TrueAsync(async () => (await LinesAsync(order.Id)).All(l => l.PostingState == "Posted"), "both lines are posted");

        Assert.Equal((5m, 2), await _data.StockAsync(itemId));
        Assert.Empty((await _data.Manager.GetFromJsonAsync<Page<ReceiptLineDto>>("/api/receipts"))!.Items);
    }

    [Fact]
    public async Task Unposted_lines_are_listed_a_page_at_a_time_oldest_first()
    {
        var (order, _, location) = await OrderAsync(10);
        fixture.PostingLink.Down = true;
        foreach (var quantity in new[] { 1m, 2m, 3m })
            await ReceiveAsync(order, quantity, location);

        var first = (await _data.Manager.GetFromJsonAsync<Page<ReceiptLineDto>>("/api/receipts?pageSize=2"))!;
        var second = (await _data.Manager.GetFromJsonAsync<Page<ReceiptLineDto>>($"/api/receipts?pageSize=2&after={first.NextCursor}"))!;
        var badState = await _data.Manager.GetAsync("/api/receipts?state=posted");

        Assert.Equal(2, first.Items.Count);
        Assert.Single(second.Items);
        Assert.Null(second.NextCursor);
        Assert.Equal([1m, 2m, 3m], first.Items.Concat(second.Items).Select(l => l.Quantity));
        Assert.Contains("state", (await badState.AssertProblemAsync(HttpStatusCode.BadRequest)).Keys);
    }

    [Fact]
    public async Task When_the_catalogs_answer_is_lost_the_retry_does_not_add_the_stock_twice()
    {
        var (order, itemId, location) = await OrderAsync(10);
        fixture.PostingLink.LoseResponses = true;

        await ReceiveAsync(order, 6, location);
        await Eventually.TrueAsync(() => Task.FromResult(fixture.PostingLink.Delivered >= 2), "the catalog got the post more than once");
        await Eventually.TrueAsync(async () => (await LinesAsync(order.Id)).Single().Attempts >= 1, "the dispatcher counted a failed attempt");
        fixture.PostingLink.LoseResponses = false;

        await Eventually.TrueAsync(async () => (await LinesAsync(order.Id)).Single().PostingState == "Posted", "the line is posted");

        Assert.True(fixture.PostingLink.Delivered >= 3, $"the catalog received the receipt {fixture.PostingLink.Delivered} times");
        Assert.Equal((6m, 1), await _data.StockAsync(itemId));
    }

    [Fact]
    public async Task After_an_outage_pending_lines_post_within_5_s_of_the_catalogs_return_however_far_their_backoff_has_grown()
    {
        var (order, itemId, location) = await OrderAsync(10);
        fixture.PostingLink.Down = true;
        await ReceiveAsync(order, 3, location);
        await ReceiveAsync(order, 2, location);
        await Eventually.TrueAsync(async () => (await LinesAsync(order.Id)).All(l => l.PostingState == "Failing" && l.Attempts > 0), "posting has been tried and failed");
        // The fixture caps the backoff at 1 s; a real outage of a minute or more grows it toward the 5-minute cap.
        await PostponeUnpostedLinesAsync(TimeSpan.FromMinutes(10));
        Assert.Equal([true, true], await AwaitingCatalogAsync(order.Id));

        fixture.PostingLink.Down = false;

        // The bound the issue asks for: posted within 5 s of the catalog being reachable again, not at the backoff.
        await Eventually.TrueAsync(async () => (await LinesAsync(order.Id)).All(l => l.PostingState == "Posted"),
            "both lines are posted within 5 s of the catalog's return", TimeSpan.FromSeconds(5));
        Assert.Equal((5m, 2), await _data.StockAsync(itemId));
    }

    [Fact]
    public async Task A_line_the_catalog_answers_with_a_server_error_keeps_failing_with_backoff_and_is_not_rejected()
    {
        var (order, itemId, location) = await OrderAsync(10);
        fixture.PostingLink.AnswerStatus = (int)HttpStatusCode.ServiceUnavailable;

        await ReceiveAsync(order, 4, location);
        await Eventually.TrueAsync(async () => (await LinesAsync(order.Id)).Single().Attempts >= 2, "the line was retried");

        var line = (await LinesAsync(order.Id)).Single();
        Assert.Equal("Failing", line.PostingState);
        Assert.StartsWith("503", line.LastError);
        // The catalog answered: it is there, and said "later", so its backoff stands rather than a wake-up on its return.
        Assert.Equal([false], await AwaitingCatalogAsync(order.Id));
        fixture.PostingLink.AnswerStatus = 0;
        await Eventually.TrueAsync(async () => (await LinesAsync(order.Id)).Single().PostingState == "Posted", "the line is posted");
        Assert.Equal((4m, 1), await _data.StockAsync(itemId));
    }

    /// <summary>
    /// Moves every unposted line's next attempt <paramref name="by"/> into the future, as a long backoff would; again if a
    /// post that was in flight wrote its own (short) backoff over it.
    /// </summary>
    private async Task PostponeUnpostedLinesAsync(TimeSpan by)
    {
        await using var connection = new NpgsqlConnection(fixture.Postgres.ConnectionString(ResourceNames.ProcurementDb));
        await connection.OpenAsync();
        await using var postpone = new NpgsqlCommand("UPDATE receipt_lines SET next_attempt_at = now() + @by WHERE posted_at IS NULL", connection);
        postpone.Parameters.AddWithValue("by", by);
        await using var check = new NpgsqlCommand("SELECT count(*) FROM receipt_lines WHERE posted_at IS NULL AND next_attempt_at < now() + @half", connection);
        check.Parameters.AddWithValue("half", by / 2);
        do
        {
            await postpone.ExecuteNonQueryAsync();
            await Task.Delay(300);
        }
        while ((long)(await check.ExecuteScalarAsync())! > 0);
    }

    private async Task<List<bool>> AwaitingCatalogAsync(Guid orderId)
    {
        await using var connection = new NpgsqlConnection(fixture.Postgres.ConnectionString(ResourceNames.ProcurementDb));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT l.awaiting_catalog FROM receipt_lines l JOIN receipts r ON r.id = l.receipt_id
            WHERE r.purchase_order_id = @order ORDER BY l.id
            """, connection);
        command.Parameters.AddWithValue("order", orderId);
        var values = new List<bool>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            values.Add(reader.GetBoolean(0));
        return values;
    }
}
