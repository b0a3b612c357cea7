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
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Inventory.Tests.Service.Catalog;

/// <summary>
/// What one movement costs the database in round trips (issue 14): the ledger books a write in one statement — the
/// database's <c>stock_book</c>, whatever its legs — and a movement request without an Idempotency-Key runs it as its own
/// transaction (no BEGIN or COMMIT round trip while the item's lock is held). A refusal changes nothing, so running it
/// alone is safe; the answers and refusals stay what they were.
/// </summary>
[Collection(ServicesCollection.Name)]
public sealed class MovementRoundTripTests(ServicesFixture fixture) : IAsyncLifetime
{
    private readonly CatalogTestData _data = new(fixture);
    private readonly HttpClient _manager = fixture.Catalog.CreateClientAs(Roles.Manager, userId: "manager-1");

    public Task InitializeAsync() => _data.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_receipt_an_issue_and_a_transfer_are_one_statement_each()
    {
        var item = await _data.ItemAsync("RT-1");
        var a = await _data.WarehouseAsync("RT-A");
        var b = await _data.WarehouseAsync("RT-B");

        var (receipt, receiptCommands) = await ApplyAsync(new LedgerWrite(item.Id, [new Leg(a.Id, 5, MovementTypes.Receipt)]) { UserId = "u" });
        var (issue, issueCommands) = await ApplyAsync(new LedgerWrite(item.Id, [new Leg(a.Id, -2, MovementTypes.Issue)]) { UserId = "u" });
        var (transfer, transferCommands) = await ApplyAsync(new LedgerWrite(item.Id,
            [new Leg(a.Id, -1, MovementTypes.TransferOut), new Leg(b.Id, 1, MovementTypes.TransferIn)]) { UserId = "u" });

        Assert.Equal((1, 1), receiptCommands);
        Assert.Equal((1, 1), issueCommands);
        Assert.Equal((1, 1), transferCommands);
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

    [Fact]
    public async Task A_movement_request_without_a_key_is_the_one_statement_alone_and_with_a_key_one_transaction()
    {
        var item = await _data.ItemAsync("RT-4");
        var a = await _data.WarehouseAsync("RT-ALONE");
        var units = new UnitCounter(requestsOnly: true);
        await using var host = fixture.Catalog.WithWebHostBuilder(b =>
            b.ConfigureTestServices(s =>
            {
                s.ConfigureDbContext<CatalogDbContext>(o => o.AddInterceptors(units));
                s.AddSingleton<IStartupFilter>(units);
            }));
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", fixture.Tokens.UserToken(ResourceNames.Catalog, Roles.Manager, "manager-1"));

        units.Reset();
        (await client.PostAsJsonAsync("/api/movements/receipts", new { itemId = item.Id, locationId = a.Id, quantity = 3 }))
            .EnsureSuccessStatusCode();
        Assert.Equal((1, 0), (units.Bookings, units.Transactions));
        Assert.Equal(1, units.Commands);

        units.Reset();
        using var keyed = new HttpRequestMessage(HttpMethod.Post, "/api/movements/issues")
        {
            Content = JsonContent.Create(new { itemId = item.Id, locationId = a.Id, quantity = 1 }),
        };
        keyed.Headers.Add("Idempotency-Key", "round-trip-keyed-1");
        (await client.SendAsync(keyed)).EnsureSuccessStatusCode();
        // The key is claimed, the movement booked and the answer stored in one transaction.
        Assert.Equal((1, 1), (units.Bookings, units.Transactions));
        Assert.Equal(2m, await _data.ScalarAsync<decimal>("SELECT on_hand FROM item_stock_totals WHERE item_id = $1", item.Id));
    }

    [Fact]
    public async Task Refusals_run_alone_change_nothing_and_say_why()
    {
        var item = await _data.ItemAsync("RT-5");
        var kilos = await _data.ItemAsync("RT-5KG", unit: "kg");
        var a = await _data.WarehouseAsync("RT-REFUSE");
        await _data.ReceiveAsync(item.Id, a.Id, 2);
        var before = await FingerprintAsync(item.Id);

        var notEnough = await _manager.PostAsJsonAsync("/api/movements/issues", new { itemId = item.Id, locationId = a.Id, quantity = 5 });
        var problem = await notEnough.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("Only 2 each of RT-5 available at RT-REFUSE; 5 requested.", problem["quantity"][0]);
        var fraction = await _manager.PostAsJsonAsync("/api/movements/receipts", new { itemId = item.Id, locationId = a.Id, quantity = 1.5 });
        Assert.Equal("'each' is not divisible: the quantity must be a whole number.",
            (await fraction.AssertProblemAsync(HttpStatusCode.BadRequest))["quantity"][0]);
        Assert.Equal(before, await FingerprintAsync(item.Id));
        // A divisible unit takes the fraction.
        (await _manager.PostAsJsonAsync("/api/movements/receipts", new { itemId = kilos.Id, locationId = a.Id, quantity = 1.5 }))
            .EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task A_leg_refused_after_another_changed_stock_undoes_the_whole_booking()
    {
        // No request makes this shape (a transfer takes out of one location only), so it is driven through the ledger.
        var item = await _data.ItemAsync("RT-6");
        var a = await _data.WarehouseAsync("RT-LATE-A");
        var b = await _data.WarehouseAsync("RT-LATE-B");
        await _data.ReceiveAsync(item.Id, a.Id, 5);
        await _data.ReceiveAsync(item.Id, b.Id, 1);
        var before = await FingerprintAsync(item.Id);
        await using var db = new CatalogDbContext(new DbContextOptionsBuilder<CatalogDbContext>()
            .UseNpgsql(fixture.Postgres.ConnectionString(ResourceNames.CatalogDb)).UseSnakeCaseNamingConvention().Options);

        var outcome = await StockLedger.ApplyAsync(db, new LedgerWrite(item.Id,
            [new Leg(a.Id, -2, MovementTypes.Issue), new Leg(b.Id, -3, MovementTypes.Issue)]) { UserId = "u" }, CancellationToken.None);

        Assert.Equal(409, outcome.Problem!.StatusCode);
        Assert.Equal(before, await FingerprintAsync(item.Id));
    }

    /// <summary>The item's total, balances and movement count: what a refused booking must leave as it was.</summary>
    private Task<string> FingerprintAsync(Guid itemId) => _data.ScalarAsync<string>("""
        SELECT (SELECT on_hand FROM item_stock_totals WHERE item_id = $1)::text || ' / '
            || coalesce((SELECT string_agg(on_hand::text, ',' ORDER BY location_id) FROM stock_levels WHERE item_id = $1), '') || ' / '
            || (SELECT count(*) FROM movements WHERE item_id = $1)::text
        """, itemId);

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
        var counter = new UnitCounter();
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

    /// <summary>
    /// The commands sent, the stock bookings among them, and the transactions begun. Counting for a host
    /// (<paramref name="requestsOnly"/>), only what runs inside a request counts: the host's background work (its
    /// migrator's check at start, the dashboard fold's ticks) uses the same context type and would otherwise land in a
    /// request's count now and then — a CI run once saw two commands for one receipt.
    /// </summary>
    private sealed class UnitCounter(bool requestsOnly = false) : DbCommandInterceptor, IDbTransactionInterceptor, IStartupFilter
    {
        private readonly AsyncLocal<bool> _inRequest = new();
        private int _commands, _bookings, _transactions;
        public int Commands => _commands;
        public int Bookings => _bookings;
        public int Transactions => _transactions;

        private bool Counts => !requestsOnly || _inRequest.Value;

        public void Reset() => (_commands, _bookings, _transactions) = (0, 0, 0);

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                _inRequest.Value = true;
                await nextMiddleware(context);
            });
            next(app);
        };

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Count(command);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Count(command);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Count(command);
            return ValueTask.FromResult(result);
        }

        public ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
            InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
        {
            if (Counts)
                Interlocked.Increment(ref _transactions);
            return ValueTask.FromResult(result);
        }

        private void Count(DbCommand command)
        {
            if (!Counts)
                return;
            Interlocked.Increment(ref _commands);
            if (command.CommandText.Contains("stock_book(", StringComparison.Ordinal))
                Interlocked.Increment(ref _bookings);
        }
    }
}
