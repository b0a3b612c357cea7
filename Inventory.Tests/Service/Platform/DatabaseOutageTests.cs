using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inventory.CatalogService.Data;
using Inventory.ProcurementService.Data;
using Inventory.ServiceDefaults;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.Service.Platform;

/// <summary>
/// The services with their database frozen, stopped, or with every connection cut (through a <see cref="DatabaseRelay"/>,
/// so the shared test server is untouched): they answer clearly and within their budgets, never a 500.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class DatabaseOutageTests(ServicesFixture fixture) : IAsyncLifetime
{
    private DatabaseRelay _relay = null!;
    private ServiceFactory<CatalogDbContext> _catalog = null!;
    private ServiceFactory<ProcurementDbContext> _procurement = null!;

    private static readonly string[] CatalogLists =
        ["/api/dashboard", "/api/items", "/api/categories", "/api/locations", "/api/counts", "/api/movements", "/api/stock"];
    private static readonly string[] ProcurementLists = ["/api/suppliers", "/api/purchase-orders", "/api/receipts"];

    public async Task InitializeAsync()
    {
        _relay = DatabaseRelay.Start(fixture.Postgres);
        _catalog = new(ResourceNames.Catalog, ResourceNames.CatalogDb, _relay.Relayed(fixture.Postgres.ConnectionString(ResourceNames.CatalogDb)), fixture.Tokens);
        _procurement = new(ResourceNames.Procurement, ResourceNames.ProcurementDb,
            _relay.Relayed(fixture.Postgres.ConnectionString(ResourceNames.ProcurementDb)), fixture.Tokens);
        await WebFactory.WaitUntilHealthyAsync(_catalog.CreateClient());
        await WebFactory.WaitUntilHealthyAsync(_procurement.CreateClient());
    }

    public async Task DisposeAsync()
    {
        await _catalog.DisposeAsync();
        await _procurement.DisposeAsync();
        await _relay.DisposeAsync();
    }

    [Fact]
    public async Task Health_is_503_within_its_check_timeout_while_the_database_is_frozen_and_alive_stays_200()
    {
        var client = _catalog.CreateClient();
        _relay.Freeze();
        try
        {
            var watch = Stopwatch.StartNew();
            var health = await client.GetAsync(HealthEndpoints.HealthPath);
            var took = watch.Elapsed;
            var alive = await client.GetAsync(HealthEndpoints.AlivePath);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            Assert.True(took < HealthEndpoints.CheckTimeout + TimeSpan.FromSeconds(1.5), $"/health took {took}");
            var body = await health.Content.ReadFromJsonAsync<JsonElement>();
            var database = body.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == nameof(CatalogDbContext));
            Assert.Equal("Unhealthy", database.GetProperty("status").GetString());
            Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        }
        finally
        {
            _relay.Restore();
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(HealthEndpoints.HealthPath)).StatusCode);
    }

    [Fact]
    public async Task With_the_database_frozen_a_request_is_answered_504_not_500()
    {
        var client = _catalog.CreateClientAs(Roles.Viewer);
        _relay.Freeze();
        try
        {
            var watch = Stopwatch.StartNew();
            var response = await client.GetAsync("/api/items");
            var took = watch.Elapsed;

            await response.AssertProblemAsync(HttpStatusCode.GatewayTimeout);
            // The command times out within the database budget; Npgsql then asks the frozen server to cancel it, on a
            // new connection, waiting up to twice the connect timeout (docs/configuration.md, time budgets). Web's page does not wait for that.
            Assert.True(took < TimeBudgets.Catalog.Request + 2 * TimeBudgets.Database + TimeSpan.FromSeconds(1), $"the catalog took {took}");
        }
        finally
        {
            _relay.Restore();
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/items")).StatusCode);
    }

    [Fact]
    public async Task With_the_database_stopped_reads_and_writes_are_503_with_retry_after_and_nothing_is_written()
    {
        var client = _catalog.CreateClientAs(Roles.Manager);
        var procurement = _procurement.CreateClientAs(Roles.Manager);
        var sku = $"DOWN-{Guid.NewGuid():N}"[..20];
        _relay.TakeDown();
        try
        {
            var watch = Stopwatch.StartNew();
            var answers = new List<HttpResponseMessage>
            {
                await client.GetAsync("/api/dashboard"),
                await client.GetAsync("/api/items"),
                await client.PostAsJsonAsync("/api/items", new { sku, name = "Written while the database is down", unit = "each" }),
                await procurement.GetAsync("/api/suppliers"),
            };
            var took = watch.Elapsed;

            foreach (var answer in answers)
            {
                await answer.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
                Assert.True(answer.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"{answer.RequestMessage!.RequestUri}: no Retry-After");
            }
            Assert.True(took < 4 * TimeBudgets.Web.Call, $"four requests took {took}");
        }
        finally
        {
            _relay.Restore();
        }
        var search = await client.GetFromJsonAsync<JsonElement>($"/api/items?search={sku}");
        Assert.Empty(search.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Right_after_every_database_connection_is_cut_every_list_answers()
    {
        var catalog = _catalog.CreateClientAs(Roles.Viewer);
        var procurement = _procurement.CreateClientAs(Roles.Viewer);
        // Fill the pools, then break every connection in them.
        await Task.WhenAll(CatalogLists.Select(catalog.GetAsync).Concat(ProcurementLists.Select(procurement.GetAsync)));
        _relay.TakeDown();
        _relay.Restore();

        foreach (var path in CatalogLists)
            Assert.Equal(HttpStatusCode.OK, (await catalog.GetAsync(path)).StatusCode);
        foreach (var path in ProcurementLists)
            Assert.Equal(HttpStatusCode.OK, (await procurement.GetAsync(path)).StatusCode);
    }
}
