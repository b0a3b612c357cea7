using System.Net;
using System.Net.Http.Json;
using Inventory.ProcurementService.PurchaseOrders;
using Inventory.ProcurementService.Receiving;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.Service.Procurement;

[Collection(ServicesCollection.Name)]
public sealed class ReceivingTests(ServicesFixture fixture) : IAsyncLifetime
{
    private readonly ProcurementTestData _data = new(fixture);
    private ReceivingSteps Steps => _steps ??= new(_data);
    private ReceivingSteps? _steps;

    public Task InitializeAsync() => _data.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<PurchaseOrderDto> SubmittedOrderAsync(decimal quantity = 10, decimal secondLine = 0)
    {
        var supplier = await _data.SupplierAsync();
        var first = await _data.ItemAsync("I-1");
        if (secondLine == 0)
            return await _data.SubmittedAsync(supplier.Id, (first.Id, quantity, 2));
        var second = await _data.ItemAsync("I-2");
        return await _data.SubmittedAsync(supplier.Id, (first.Id, quantity, 2), (second.Id, secondLine, 3));
    }

    [Fact]
    public async Task Receiving_part_of_an_order_makes_it_partially_received_and_the_rest_makes_it_received()
    {
        var order = await SubmittedOrderAsync(quantity: 10, secondLine: 5);

        await Steps.ReceiveAsync(order, 4, line: 0);
        var partial = await _data.OrderAsync(order.Id);
        await Steps.ReceiveAsync(order, 6, line: 0);
        await Steps.ReceiveAsync(order, 5, line: 1);
        var done = await _data.OrderAsync(order.Id);

        Assert.Equal("PartiallyReceived", partial.Status);
        Assert.Equal(4, partial.Lines[0].QuantityReceived);
        Assert.Equal("Received", done.Status);
        Assert.Equal([10m, 5m], done.Lines.Select(l => l.QuantityReceived));
        Assert.Equal(["Draft", "Submitted", "PartiallyReceived", "Received"], done.StatusHistory.Select(s => s.To));
        Assert.Equal("clerk-1", done.StatusHistory[^1].ChangedBy);
    }

    [Fact]
    public async Task A_receipt_records_who_and_where_and_each_line_waits_in_the_outbox_with_the_po_number()
    {
        var order = await SubmittedOrderAsync();
        fixture.PostingLink.Down = true; // keep the dispatcher from posting it meanwhile

        var response = await Steps.TryReceiveAsync(order, 3);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var receipts = (await _data.Manager.GetFromJsonAsync<List<ReceiptDto>>($"/api/purchase-orders/{order.Id}/receipts"))!;
        var receipt = Assert.Single(receipts);
        Assert.Equal("clerk-1", receipt.ReceivedBy);
        Assert.Equal(await Steps.LocationAsync(), receipt.LocationId);
        Assert.Equal(order.Number, receipt.Reference);
        var line = Assert.Single(receipt.Lines);
        Assert.Equal(3, line.Quantity);
        Assert.NotEqual("Posted", line.PostingState);
    }

    [Fact]
    public async Task Over_receipt_is_refused_with_what_is_still_open_and_changes_nothing()
    {
        var order = await SubmittedOrderAsync(quantity: 10);
        await Steps.ReceiveAsync(order, 8);

        var response = await Steps.TryReceiveAsync(order, 3);

        var errors = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("at most 2 more", errors["lines[0].quantity"].Single());
        var after = await _data.OrderAsync(order.Id);
        Assert.Equal(8, after.Lines[0].QuantityReceived);
        Assert.Single((await _data.Manager.GetFromJsonAsync<List<ReceiptDto>>($"/api/purchase-orders/{order.Id}/receipts"))!);
    }

    [Fact]
    public async Task A_receipt_with_one_bad_line_stores_none_of_its_lines()
    {
        var order = await SubmittedOrderAsync(quantity: 10, secondLine: 5);

        var response = await _data.Clerk.PostAsJsonAsync($"/api/purchase-orders/{order.Id}/receipts", new
        {
            locationId = await Steps.LocationAsync(),
            lines = new[] { new { lineId = order.Lines[0].Id, quantity = 4m }, new { lineId = order.Lines[1].Id, quantity = 6m } },
        });

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
        var after = await _data.OrderAsync(order.Id);
        Assert.All(after.Lines, l => Assert.Equal(0, l.QuantityReceived));
        Assert.Equal("Submitted", after.Status);
    }

    [Theory]
    [InlineData("""{"lines":[{"lineId":"LINE","quantity":1}]}""", "locationId")]
    [InlineData("""{"locationId":"LOCATION","lines":[]}""", "lines")]
    [InlineData("""{"locationId":"LOCATION","lines":[{"lineId":"LINE","quantity":0}]}""", "lines[0].quantity")]
    [InlineData("""{"locationId":"LOCATION","lines":[{"lineId":"LINE","quantity":-2}]}""", "lines[0].quantity")]
    [InlineData("""{"locationId":"LOCATION","lines":[{"quantity":1}]}""", "lines[0].lineId")]
    [InlineData("""{"locationId":"LOCATION","lines":[{"lineId":"00000000-0000-0000-0000-000000000009","quantity":1}]}""", "lines[0].lineId")]
    [InlineData("""{"locationId":"LOCATION","lines":[{"lineId":"LINE","quantity":1},{"lineId":"LINE","quantity":1}]}""", "lines[1].lineId")]
    public async Task Invalid_receipts_are_rejected_with_the_field_named(string template, string field)
    {
        var order = await SubmittedOrderAsync();
        var json = template.Replace("LINE", order.Lines[0].Id.ToString()).Replace("LOCATION", (await Steps.LocationAsync()).ToString());

        var response = await _data.Clerk.PostAsync($"/api/purchase-orders/{order.Id}/receipts",
            new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Contains(field, (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).Keys);
        Assert.Equal(0, (await _data.OrderAsync(order.Id)).Lines[0].QuantityReceived);
    }

    [Theory]
    [InlineData("Draft")]
    [InlineData("Cancelled")]
    [InlineData("Closed")]
    public async Task Orders_that_are_not_open_take_no_receipts(string status)
    {
        var supplier = await _data.SupplierAsync();
        var item = await _data.ItemAsync("I-1");
        var order = status == "Draft" ? await _data.DraftAsync(supplier.Id, (item.Id, 10, 1)) : await _data.SubmittedAsync(supplier.Id, (item.Id, 10, 1));
        if (status == "Cancelled")
            (await _data.Manager.PostAsJsonAsync($"/api/purchase-orders/{order.Id}/cancel", new { version = order.Version })).EnsureSuccessStatusCode();
        if (status == "Closed")
        {
            await Steps.ReceiveAsync(order, 1);
            var partial = await _data.OrderAsync(order.Id);
            (await _data.Manager.PostAsJsonAsync($"/api/purchase-orders/{order.Id}/close", new { version = partial.Version })).EnsureSuccessStatusCode();
        }

        var response = await Steps.TryReceiveAsync(order, 1);

        Assert.Contains("status", (await response.AssertProblemAsync(HttpStatusCode.Conflict)).Keys);
    }

    [Fact]
    public async Task A_viewer_cannot_receive()
    {
        var order = await SubmittedOrderAsync();
        var viewer = fixture.Procurement.CreateClientAs(Roles.Viewer);

        var response = await viewer.PostAsJsonAsync($"/api/purchase-orders/{order.Id}/receipts",
            new { locationId = await Steps.LocationAsync(), lines = new[] { new { lineId = order.Lines[0].Id, quantity = 1 } } });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Concurrent_receipts_of_one_line_never_exceed_the_ordered_quantity()
    {
        var order = await SubmittedOrderAsync(quantity: 20);
        fixture.PostingLink.Down = true;

        // 24 clerks each receive 1–3 at once; together they ask for far more than the 20 ordered.
        var quantities = Enumerable.Range(0, 24).Select(i => 1 + i % 3).ToArray();
        var responses = await Task.WhenAll(quantities.Select(q => Steps.TryReceiveAsync(order, q)));

        var accepted = quantities.Where((_, i) => responses[i].StatusCode == HttpStatusCode.Created).Sum();
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"got {r.StatusCode}"));
        var after = await _data.OrderAsync(order.Id);
        Assert.True(after.Lines[0].QuantityReceived <= 20, $"received {after.Lines[0].QuantityReceived} of 20");
        Assert.Equal(accepted, after.Lines[0].QuantityReceived);
        var receipts = (await _data.Manager.GetFromJsonAsync<List<ReceiptDto>>($"/api/purchase-orders/{order.Id}/receipts"))!;
        Assert.Equal(accepted, receipts.SelectMany(r => r.Lines).Sum(l => l.Quantity));
        Assert.True(accepted >= 18, "as many receipts as fit were accepted"); // the last 1–2 units may stay open
    }
}

[Collection(ServicesCollection.Name)]
public sealed class ReceivingIdempotencyTests(ServicesFixture fixture) : IAsyncLifetime
{
    private readonly ProcurementTestData _data = new(fixture);
    private ReceivingSteps Steps => _steps ??= new(_data);
    private ReceivingSteps? _steps;

    public Task InitializeAsync() => _data.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<HttpResponseMessage> ReceiveAsync(PurchaseOrderDto order, decimal quantity, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/purchase-orders/{order.Id}/receipts")
        {
            Content = JsonContent.Create(new { locationId = await Steps.LocationAsync(), lines = new[] { new { lineId = order.Lines[0].Id, quantity } } }),
        };
        request.Headers.Add("Idempotency-Key", key);
        return await _data.Clerk.SendAsync(request);
    }

    [Fact]
    public async Task Twenty_concurrent_retries_with_one_key_receive_once_and_all_get_the_same_receipt()
    {
        var supplier = await _data.SupplierAsync();
        var item = await _data.ItemAsync("I-1");
        var order = await _data.SubmittedAsync(supplier.Id, (item.Id, 100, 1));
        fixture.PostingLink.Down = true;

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => ReceiveAsync(order, 7, "key-1")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var ids = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<ReceiptDto>())!.Id));
        Assert.Single(ids.Distinct());
        Assert.Equal(19, responses.Count(r => r.Headers.Contains("Idempotent-Replayed")));
        Assert.Equal(7, (await _data.OrderAsync(order.Id)).Lines[0].QuantityReceived);
    }

    [Fact]
    public async Task The_same_key_with_another_request_is_422_and_receives_nothing()
    {
        var supplier = await _data.SupplierAsync();
        var item = await _data.ItemAsync("I-1");
        var order = await _data.SubmittedAsync(supplier.Id, (item.Id, 100, 1));
        fixture.PostingLink.Down = true;
        (await ReceiveAsync(order, 5, "key-2")).EnsureSuccessStatusCode();

        var reused = await ReceiveAsync(order, 6, "key-2");

        Assert.Contains("Idempotency-Key", (await reused.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).Keys);
        Assert.Equal(5, (await _data.OrderAsync(order.Id)).Lines[0].QuantityReceived);
    }

    [Fact]
    public async Task A_refused_receipt_does_not_use_up_its_key()
    {
        var supplier = await _data.SupplierAsync();
        var item = await _data.ItemAsync("I-1");
        var order = await _data.SubmittedAsync(supplier.Id, (item.Id, 10, 1));
        fixture.PostingLink.Down = true;

        var tooMuch = await ReceiveAsync(order, 11, "key-3");
        var corrected = await ReceiveAsync(order, 10, "key-3");

        Assert.Equal(HttpStatusCode.Conflict, tooMuch.StatusCode);
        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
        Assert.False(corrected.Headers.Contains("Idempotent-Replayed"));
    }
}
