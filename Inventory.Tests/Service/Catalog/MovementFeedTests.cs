using System.Net;
using Inventory.CatalogService.Stock;
using Inventory.ServiceDefaults;
using Inventory.ServiceDefaults.Kit;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;
using Npgsql;

namespace Inventory.Tests.Service.Catalog;

/// <summary>The movements feed one request at a time: its paging, its cursor, and its horizon (racing writers: LedgerOrderTests).</summary>
[Collection(ServicesCollection.Name)]
public sealed class MovementFeedTests(ServicesFixture fixture) : IAsyncLifetime
{
    private readonly HttpClient _reader = fixture.Catalog.CreateClientAs(Roles.Viewer, "reader-1");
    private readonly CatalogTestData _data = new(fixture);

    public Task InitializeAsync() => _data.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_feed_pages_oldest_first_and_its_cursor_always_says_where_to_resume()
    {
        var item = await _data.ItemAsync("FEED-1");
        var location = await _data.WarehouseAsync("WH1");
        var booked = new List<Guid>();
        for (var i = 0; i < 3; i++)
            booked.Add((await _data.ReceiveAsync(item.Id, location.Id, 1)).Movements[0].Id);

        var first = await ReadAsync(null, 2);
        var second = await ReadAsync(first.NextCursor, 2);
        var caughtUp = await ReadAsync(second.NextCursor, 2);
        booked.Add((await _data.ReceiveAsync(item.Id, location.Id, 1)).Movements[0].Id);
        var later = await ReadAsync(caughtUp.NextCursor, 2);

        Assert.Equal(booked.Take(2), first.Items.Select(m => m.Id));
        Assert.Equal(booked.Skip(2).Take(1), second.Items.Select(m => m.Id));
        Assert.Empty(caughtUp.Items);
        Assert.Equal(second.NextCursor, caughtUp.NextCursor); // nothing new: resume where you were
        Assert.Equal(booked.Skip(3), later.Items.Select(m => m.Id));
    }

    [Fact]
    public async Task A_movement_is_not_served_while_an_older_transaction_is_still_running_and_is_served_once_it_ends()
    {
        var item = await _data.ItemAsync("FEED-2");
        var location = await _data.WarehouseAsync("WH1");
        var before = (await _data.ReceiveAsync(item.Id, location.Id, 1)).Movements[0].Id;
        var start = await ReadAsync(null, 50);

        // A transaction that has a transaction id and has not ended: what a ledger write is between taking its seq and committing.
        await using var older = new NpgsqlConnection(fixture.Postgres.ConnectionString(ResourceNames.CatalogDb));
        await older.OpenAsync();
        await using var transaction = await older.BeginTransactionAsync();
        await using (var command = new NpgsqlCommand("SELECT pg_current_xact_id()", older, transaction))
            await command.ExecuteScalarAsync();
        var after = (await _data.ReceiveAsync(item.Id, location.Id, 1)).Movements[0].Id;
        var whileRunning = await ReadAsync(start.NextCursor, 50);
        await transaction.CommitAsync();
        var once = await ReadAsync(whileRunning.NextCursor, 50);

        Assert.Equal(new[] { before }, start.Items.Select(m => m.Id));
        Assert.Empty(whileRunning.Items);
        Assert.Equal(new[] { after }, once.Items.Select(m => m.Id));
    }

    [Fact]
    public async Task Bad_feed_queries_name_the_parameter()
    {
        var item = await _data.ItemAsync("FEED-3");
        var location = await _data.WarehouseAsync("WH1");
        for (var i = 0; i < 2; i++)
            await _data.ReceiveAsync(item.Id, location.Id, 1);
        var listCursor = (await (await _reader.GetAsync("/api/movements?pageSize=1")).ReadAsync<Page<MovementDto>>()).NextCursor;

        foreach (var (query, field) in new[]
                 {
                     ("after=xyz", "after"), ($"after={listCursor}", "after"), ($"after={Paging.Cursor(LedgerFeed.Ordering, "-1", "2")}", "after"),
                     ($"after={Paging.Cursor(LedgerFeed.Ordering, "1", "two")}", "after"), ("pageSize=0", "pageSize"), ("pageSize=ten", "pageSize"),
                 })
            Assert.Contains(field, (await (await _reader.GetAsync($"/api/movements/feed?{query}")).AssertProblemAsync(HttpStatusCode.BadRequest)).Keys);
    }

    private async Task<Page<MovementDto>> ReadAsync(string? after, int pageSize) =>
        await (await _reader.GetAsync($"/api/movements/feed?pageSize={pageSize}" + (after is null ? "" : $"&after={after}"))).ReadAsync<Page<MovementDto>>();
}
