using System.Net;
using System.Net.Http.Json;
using Inventory.CatalogService.Items;
using Inventory.CatalogService.Stock;
using Inventory.ServiceDefaults.Kit;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.Service.Catalog;

/// <summary>
/// The ledger read while many writers book at once: an item's movements in time order are in commit order, an
/// incremental reader of the feed misses nothing, and an item's detail is one snapshot.
/// </summary>
[Collection(ServicesCollection.Name)]
public sealed class LedgerOrderTests(ServicesFixture fixture) : IAsyncLifetime
{
    private readonly HttpClient _reader = fixture.Catalog.CreateClientAs(Roles.Viewer, "reader-1");
    private readonly CatalogTestData _data = new(fixture);

    public Task InitializeAsync() => _data.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Movements_of_one_item_listed_by_time_have_balances_that_follow_one_another_under_32_writers()
    {
        var item = await _data.ItemAsync("ORDER-1");
        var locations = new[] { await _data.WarehouseAsync("WH1"), await _data.WarehouseAsync("WH2") };
        await _data.ReceiveAsync(item.Id, locations[0].Id, 100);

        await RunWritersAsync(32, 12, (client, writer, i) =>
        {
            var (from, to) = (locations[(writer + i) % 2].Id, locations[(writer + i + 1) % 2].Id);
            return ((writer + i) % 3) switch
            {
                0 => client.PostAsJsonAsync("/api/movements/receipts", new { itemId = item.Id, locationId = from, quantity = 3 }),
                1 => client.PostAsJsonAsync("/api/movements/issues", new { itemId = item.Id, locationId = from, quantity = 2 }),
                _ => client.PostAsJsonAsync("/api/movements/transfers", new { itemId = item.Id, fromLocationId = from, toLocationId = to, quantity = 1 }),
            };
        });

        // The API's own order, newest first (occurredAt, then seq): read it all and walk it oldest first.
        var movements = (await ReadAllMovementsAsync(item.Id)).AsEnumerable().Reverse().ToList();
        Assert.Equal(await _data.ScalarAsync<long>("SELECT count(*) FROM movements WHERE item_id = $1", item.Id), movements.Count);
        var balances = new Dictionary<Guid, decimal>();
        var broken = movements.Where(m =>
        {
            var follows = m.BalanceAfter == balances.GetValueOrDefault(m.LocationId) + m.Quantity;
            balances[m.LocationId] = m.BalanceAfter;
            return !follows;
        }).ToList();
        Assert.True(broken.Count == 0, $"{broken.Count} of {movements.Count} movements in time order do not follow the balance before them");
        // Time order is the ledger's commit order for the item: seq, taken after the item lock, agrees.
        Assert.Equal(movements.Select(m => m.Seq).Order(), movements.Select(m => m.Seq));
    }

    [Fact]
    public async Task An_incremental_reader_polling_the_feed_while_writers_run_sees_every_movement_exactly_once()
    {
        // One item per writer, so nothing orders the writers' commits against one another but the database.
        const int writers = 16;
        var location = await _data.WarehouseAsync("WH1");
        var other = await _data.WarehouseAsync("WH2");
        var items = new List<ItemDto>();
        for (var i = 0; i < writers; i++)
            items.Add(await _data.ItemAsync($"FEED-{i}"));

        var seen = new List<Guid>();
        string? cursor = null;
        async Task<int> PollAsync()
        {
            var url = "/api/movements/feed?pageSize=50" + (cursor is null ? "" : $"&after={cursor}");
            var page = await (await _reader.GetAsync(url)).ReadAsync<Page<MovementDto>>();
            seen.AddRange(page.Items.Select(m => m.Id));
            cursor = page.NextCursor ?? cursor;
            return page.Items.Count;
        }

        var writing = RunWritersAsync(writers, 15, async (client, writer, i) =>
        {
            var itemId = items[writer].Id;
            // Receipts and transfers (two legs, a wider gap between taking a seq and committing), each with a key.
            using var request = new HttpRequestMessage(HttpMethod.Post, i % 2 == 0 ? "/api/movements/receipts" : "/api/movements/transfers")
            {
                Content = i % 2 == 0
                    ? JsonContent.Create(new { itemId, locationId = location.Id, quantity = 2 })
                    : JsonContent.Create(new { itemId, fromLocationId = location.Id, toLocationId = other.Id, quantity = 1 }),
            };
            request.Headers.Add(IdempotencyRules.HeaderName, Guid.NewGuid().ToString());
            return await client.SendAsync(request);
        });
        var polls = 0;
        while (!writing.IsCompleted)
        {
            await PollAsync();
            polls++;
        }
        await writing;
        while (await PollAsync() > 0)
        {
        }

        var ledger = await _data.ScalarAsync<string>("SELECT string_agg(id::text, ',' ORDER BY id) FROM movements");
        Assert.True(polls > 5, $"the reader polled only {polls} times while the writers ran");
        Assert.DoesNotContain(seen.GroupBy(id => id), g => g.Count() > 1);
        Assert.Equal(ledger.Split(',').Select(Guid.Parse).Order(), seen.Order());
    }

    [Fact]
    public async Task Item_detail_read_repeatedly_under_concurrent_writes_always_has_a_total_equal_to_the_sum_of_its_stock_rows()
    {
        var item = await _data.ItemAsync("SNAP-1");
        var locations = new List<Guid>();
        for (var i = 0; i < 4; i++)
            locations.Add((await _data.WarehouseAsync($"WH{i}")).Id);
        foreach (var location in locations)
            await _data.ReceiveAsync(item.Id, location, 50);

        var writing = RunWritersAsync(8, 25, (client, writer, i) =>
        {
            var location = locations[(writer + i) % locations.Count];
            return i % 2 == 0
                ? client.PostAsJsonAsync("/api/movements/receipts", new { itemId = item.Id, locationId = location, quantity = 2 })
                : client.PostAsJsonAsync("/api/movements/issues", new { itemId = item.Id, locationId = location, quantity = 1 });
        });
        var torn = new List<string>();
        var reads = 0;
        while (!writing.IsCompleted || reads < 20)
        {
            var detail = await (await _reader.GetAsync($"/api/items/{item.Id}")).ReadAsync<ItemDetailDto>();
            reads++;
            if (detail.OnHand != detail.Stock.Sum(s => s.OnHand))
                torn.Add($"total {detail.OnHand} vs stock rows {detail.Stock.Sum(s => s.OnHand)}");
            // The newest listed movement at each location left exactly the balance the stock row shows.
            foreach (var newest in detail.RecentMovements.GroupBy(m => m.LocationId).Select(g => g.First()))
                if (newest.BalanceAfter != detail.Stock.Single(s => s.LocationId == newest.LocationId).OnHand)
                    torn.Add($"movement {newest.Seq} left {newest.BalanceAfter}, stock row shows another balance");
        }
        await writing;

        Assert.True(torn.Count == 0, $"{torn.Count} inconsistencies in {reads} reads: {string.Join("; ", torn.Take(5))}");
    }

    /// <summary>
    /// <paramref name="writers"/> clients (each its own user) sending <paramref name="each"/> movements one after another;
    /// every answer must be a booking or a stock conflict, never an error.
    /// </summary>
    private Task RunWritersAsync(int writers, int each, Func<HttpClient, int, int, Task<HttpResponseMessage>> send) =>
        Task.WhenAll(Enumerable.Range(0, writers).Select(writer => Task.Run(async () =>
        {
            var client = fixture.Catalog.CreateClientAs(Roles.Manager, userId: $"writer-{writer}");
            for (var i = 0; i < each; i++)
            {
                using var response = await send(client, writer, i);
                Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict,
                    $"writer {writer}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        })));

    private async Task<List<MovementDto>> ReadAllMovementsAsync(Guid itemId)
    {
        var all = new List<MovementDto>();
        string? cursor = null;
        do
        {
            var url = $"/api/movements?itemId={itemId}&pageSize={Paging.MaxPageSize}" + (cursor is null ? "" : $"&after={cursor}");
            var page = await (await _reader.GetAsync(url)).ReadAsync<Page<MovementDto>>();
            all.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        return all;
    }
}
