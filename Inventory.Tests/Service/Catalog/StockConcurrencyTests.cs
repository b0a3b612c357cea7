using System.Net;
using System.Net.Http.Json;
using Inventory.CatalogService.Stock;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;
using Npgsql;

namespace Inventory.Tests.Service.Catalog;

/// <summary>Many writers at once on one balance: the guarded atomic update must neither lose a write nor go negative.</summary>
[Collection(ServicesCollection.Name)]
public sealed class StockConcurrencyTests(ServicesFixture fixture) : IAsyncLifetime
{
    private readonly HttpClient _manager = fixture.Catalog.CreateClientAs(Roles.Manager);
    private readonly CatalogTestData _data = new(fixture);

    public Task InitializeAsync() => _data.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Thirty_two_concurrent_writers_keep_on_hand_equal_to_the_ledger_and_never_below_zero()
    {
        const int writers = 32, requestsEach = 8;
        const decimal initial = 20;
        var item = await _data.ItemAsync("RACE-1");
        var location = await _data.WarehouseAsync("WH1");
        await _data.ReceiveAsync(item.Id, location.Id, initial);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, writers).Select(async writer =>
        {
            var client = fixture.Catalog.CreateClientAs(Roles.Manager, userId: $"writer-{writer}");
            var random = new Random(writer);
            var results = new List<(decimal Delta, HttpStatusCode Status)>();
            for (var i = 0; i < requestsEach; i++)
            {
                var delta = (decimal)(random.Next(2) == 0 ? random.Next(1, 6) : -random.Next(1, 9));
                var response = delta > 0
                    ? await client.PostAsJsonAsync("/api/movements/receipts", new { itemId = item.Id, locationId = location.Id, quantity = delta })
                    : await client.PostAsJsonAsync("/api/movements/issues", new { itemId = item.Id, locationId = location.Id, quantity = -delta });
                results.Add((delta, response.StatusCode));
            }
            return results;
        }));
        var all = outcomes.SelectMany(o => o).ToList();

        Assert.All(all, r => Assert.True(r.Status is HttpStatusCode.Created or HttpStatusCode.Conflict, $"unexpected {r.Status}"));
        Assert.All(all.Where(r => r.Status == HttpStatusCode.Conflict), r => Assert.True(r.Delta < 0, "a receipt was refused"));
        Assert.Contains(all, r => r.Status == HttpStatusCode.Conflict); // the race really pushed against zero
        var accepted = all.Where(r => r.Status == HttpStatusCode.Created).ToList();
        var expected = initial + accepted.Sum(r => r.Delta);

        Assert.Equal(expected, await _data.OnHandAsync(item.Id, location.Id));
        Assert.Equal(expected, await _data.ScalarAsync<decimal>("SELECT sum(quantity) FROM movements WHERE item_id = $1", item.Id));
        Assert.Equal(expected, await _data.ScalarAsync<decimal>("SELECT on_hand FROM item_stock_totals WHERE item_id = $1", item.Id));
        Assert.Equal(accepted.Count + 1, await _data.ScalarAsync<long>("SELECT count(*) FROM movements WHERE item_id = $1", item.Id));
        // In ledger order the running balance never dips below zero, and each row recorded exactly that balance.
        Assert.True(await _data.ScalarAsync<decimal>("""
            SELECT min(running) FROM (SELECT sum(quantity) OVER (ORDER BY seq) AS running FROM movements WHERE item_id = $1) t
            """, item.Id) >= 0);
        Assert.Equal(0, await _data.ScalarAsync<long>("""
            SELECT count(*) FROM (SELECT balance_after, sum(quantity) OVER (ORDER BY seq) AS running FROM movements WHERE item_id = $1) t
            WHERE balance_after <> running
            """, item.Id));
    }

    [Fact]
    public async Task Fifty_concurrent_requests_with_one_idempotency_key_book_one_movement_and_get_the_same_answer()
    {
        var item = await _data.ItemAsync("IDEM-1");
        var location = await _data.WarehouseAsync("WH1");
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(async _ =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/movements/receipts")
            {
                Content = JsonContent.Create(new { itemId = item.Id, locationId = location.Id, quantity = 7, reference = "PO-9" }),
            };
            request.Headers.Add("Idempotency-Key", key);
            var response = await _manager.SendAsync(request);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync(),
                Replayed: response.Headers.TryGetValues("Idempotent-Replayed", out var values) && values.Contains("true"));
        }));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Single(responses.Select(r => r.Body).Distinct());
        Assert.Equal(49, responses.Count(r => r.Replayed));
        Assert.Equal(1, await _data.ScalarAsync<long>("SELECT count(*) FROM movements WHERE idempotency_key = $1", key));
        Assert.Equal(7, await _data.OnHandAsync(item.Id, location.Id));
    }

    [Fact]
    public async Task Concurrent_posts_of_one_receipt_line_book_it_once()
    {
        var item = await _data.ItemAsync("RCPT-1");
        var location = await _data.WarehouseAsync("WH1");
        var service = fixture.Catalog.CreateServiceClient();
        var line = Guid.NewGuid();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => service.PostAsJsonAsync("/api/receipts",
            new { receiptLineId = line, itemId = item.Id, locationId = location.Id, quantity = 12, reference = "PO-1001" })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(19, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadFromJsonAsync<MovementResult>()));
        Assert.Single(bodies.Select(b => b!.Movements[0].Id).Distinct());
        Assert.Equal(12, await _data.OnHandAsync(item.Id, location.Id));
        Assert.Equal(1, await _data.ScalarAsync<long>("SELECT count(*) FROM movements WHERE receipt_line_id = $1", line));
    }
}
