using System.Data.Common;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Inventory.CatalogService.Data;
using Inventory.CatalogService.Stock;
using Inventory.ServiceDefaults;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Inventory.Tests.Service.Catalog;

/// <summary>
/// What one movement costs the database in round trips (issue 14): the ledger sends one statement for the item and one
/// per leg (location, guarded balance change and movement together), counted with a command interceptor on the
/// ledger's own context — and the answers and refusals stay what they were.
/// </summary>
[Collection(ServicesCollection.Name)]
public sealed class MovementRoundTripTests(ServicesFixture fixture) : IAsyncLifetime
{
    private readonly CatalogTestData _data = new(fixture);
    private readonly HttpClient _manager = fixture.Catalog.CreateClientAs(Roles.Manager, userId: "manager-1");

    public Task InitializeAsync() => _data.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_receipt_and_an_issue_are_two_statements_each_and_a_transfer_three()
    {
        var item = await _data.ItemAsync("RT-1");
        var a = await _data.WarehouseAsync("RT-A");
        var b = await _data.WarehouseAsync("RT-B");

        var (receipt, receiptCommands) = await ApplyAsync(new LedgerWrite(item.Id, [new Leg(a.Id, 5, MovementTypes.Receipt)]) { UserId = "u" });
        var (issue, issueCommands) = await ApplyAsync(new LedgerWrite(item.Id, [new Leg(a.Id, -2, MovementTypes.Issue)]) { UserId = "u" });
        var (transfer, transferCommands) = await ApplyAsync(new LedgerWrite(item.Id,
            [new Leg(a.Id, -1, MovementTypes.TransferOut), new Leg(b.Id, 1, MovementTypes.TransferIn)]) { UserId = "u" });

        Assert.Equal((2, 2), receiptCommands);
        Assert.Equal((2, 2), issueCommands);
        Assert.Equal((3, 3), transferCommands);
        // The answers carry what the statements returned: the balance each leg produced, in ledger order.
        Assert.Equal(5m, receipt.Movements.Single().BalanceAfter);
        Assert.Equal(3m, issue.Movements.Single().BalanceAfter);
        Assert.Equal([2m, 1m], transfer.Movements.Select(m => m.BalanceAfter));
        Assert.True(transfer.Movements[0].Seq < transfer.Movements[1].Seq);
        Assert.Equal(issue.Movements[0].Seq, await _data.ScalarAsync<long>("SELECT seq FROM movements WHERE id = $1", issue.Movements[0].Id));
        Assert.Equal(3m, await _data.ScalarAsync<decimal>("SELECT on_hand FROM item_stock_totals WHERE item_id = $1", item.Id));
    }

    [Fact]
    public async Task A_receipt_into_an_archived_location_is_409_naming_it_and_writes_no_balance()
    {
        var item = await _data.ItemAsync("RT-2");
        var closed = await _data.WarehouseAsync("RT-CLOSED");
        (await _manager.PostAsync($"/api/locations/{closed.Id}/archive", null)).EnsureSuccessStatusCode();

        var response = await _manager.PostAsJsonAsync("/api/movements/receipts", new { itemId = item.Id, locationId = closed.Id, quantity = 1 });

        Assert.Equal("Location RT-CLOSED is archived: it takes no new stock.",
            (await response.AssertProblemAsync(HttpStatusCode.Conflict))["locationId"][0]);
        Assert.Equal(0, await _data.ScalarAsync<long>("SELECT count(*) FROM stock_levels WHERE item_id = $1", item.Id));
        Assert.Equal(0, await _data.ScalarAsync<long>("SELECT count(*) FROM movements WHERE item_id = $1", item.Id));
        Assert.Equal(0m, await _data.ScalarAsync<decimal>("SELECT on_hand FROM item_stock_totals WHERE item_id = $1", item.Id));
    }

    [Fact]
    public async Task An_issue_from_an_unknown_location_is_422_naming_the_field_and_changes_no_total()
    {
        var item = await _data.ItemAsync("RT-3");
        var a = await _data.WarehouseAsync("RT-HERE");
        await _data.ReceiveAsync(item.Id, a.Id, 4);

        var response = await _manager.PostAsJsonAsync("/api/movements/issues", new { itemId = item.Id, locationId = Guid.NewGuid(), quantity = 1 });

        Assert.Equal("No such location.", (await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity))["locationId"][0]);
        Assert.Equal(4m, await _data.ScalarAsync<decimal>("SELECT on_hand FROM item_stock_totals WHERE item_id = $1", item.Id));
    }

    /// <summary>
    /// Runs the write as the endpoints do (one transaction, committed) and counts the commands sent and the Npgsql command
    /// spans they make — what tracing exports per movement besides the request's own span.
    /// </summary>
    private async Task<(MovementResult Result, (int Commands, int Spans) Cost)> ApplyAsync(LedgerWrite write)
    {
        var spans = 0;
        using var root = new Activity("movement");
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                if (a.TraceId == root.TraceId && a.Source.Name == "Npgsql")
                    Interlocked.Increment(ref spans);
            },
        };
        ActivitySource.AddActivityListener(listener);
        root.SetIdFormat(ActivityIdFormat.W3C);
        root.Start();
        var counter = new CommandCounter();
        var options = new DbContextOptionsBuilder<CatalogDbContext>()
            .UseNpgsql(fixture.Postgres.ConnectionString(ResourceNames.CatalogDb)).UseSnakeCaseNamingConvention()
            .AddInterceptors(counter).Options;
        await using var db = new CatalogDbContext(options);
        await using var tx = await db.Database.BeginTransactionAsync();
        var outcome = await StockLedger.ApplyAsync(db, write, CancellationToken.None);
        Assert.Null(outcome.Problem);
        await tx.CommitAsync();
        root.Stop();
        return (outcome.Value!, (counter.Commands, spans));
    }

    private sealed class CommandCounter : DbCommandInterceptor
    {
        public int Commands { get; private set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Commands++;
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Commands++;
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Commands++;
            return ValueTask.FromResult(result);
        }
    }
}
