using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Inventory.CatalogService.Data;
using Inventory.ProcurementService.Data;
using Inventory.ProcurementService.PurchaseOrders;
using Inventory.ProcurementService.Receiving;
using Inventory.ServiceDefaults;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;
using Inventory.Web.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Inventory.Tests.EndToEnd;

/// <summary>
/// Scale out, proven: two processes of catalog, procurement, web and the gateway, behind the orchestrator's proxies,
/// on one database. Which replica served a request is read from the replicas' own request logs (one line per request
/// with its path), so the requests that matter carry a path of their own.
/// </summary>
[Collection(ReplicatedAppCollection.Name)]
public sealed partial class ReplicaTests(ReplicatedAppFixture app)
{

    [Fact]
    public void Every_service_runs_as_two_healthy_processes_on_addresses_of_their_own()
    {
        foreach (var resource in ReplicatedAppFixture.Replicated)
        {
            var replicas = app.ReplicasOf(resource);
            Assert.Equal(ReplicatedAppFixture.Replicas, replicas.Select(r => r.Address).Distinct().Count());
        }
    }

    [Fact]
    public async Task A_session_signed_in_once_is_honoured_by_both_web_replicas()
    {
        var email = SignIn.NewEmail("replicas");
        using var browser = await SignIn.AsAsync(app.GatewayUrl, email);

        // Straight to each replica: the cookie one replica issued opens the dashboard on both (keys shared in webdb).
        foreach (var replica in app.ReplicasOf(ResourceNames.Web))
        {
            var dashboard = await browser.GetAsync(new Uri(replica.Address, "/dashboard").ToString(), follow: false);
            Assert.True(dashboard.StatusCode == HttpStatusCode.OK, $"{replica.Id} answered {(int)dashboard.StatusCode} {dashboard.Headers.Location}");
            Assert.Contains($"{email} · Viewer", await dashboard.Content.ReadAsStringAsync());
        }

        // Through the gateway, requests at once (so on several connections) until both replicas have served some. An
        // unknown item is 404 to a signed-in person; without a session the same request is sent to sign in.
        using var anonymous = new BrowserSession(app.GatewayUrl);
        var toSignIn = await anonymous.GetAsync(ItemPath(Guid.NewGuid()), follow: false);
        Assert.Equal("/login", new Uri(app.GatewayUrl, toSignIn.Headers.Location!).AbsolutePath);
        var paths = new List<string>();
        var servedBy = new Dictionary<string, int>();
        for (var round = 0; round < 5 && servedBy.Count < ReplicatedAppFixture.Replicas; round++)
        {
            var batch = Enumerable.Range(0, 16).Select(_ => ItemPath(Guid.NewGuid())).ToList();
            var answers = await Task.WhenAll(batch.Select(async path =>
            {
                using var session = browser.CopyCookies();
                return (await session.GetAsync(path, follow: false)).StatusCode;
            }));
            Assert.All(answers, status => Assert.Equal(HttpStatusCode.NotFound, status));
            paths.AddRange(batch);
            servedBy = await ServedByAsync(ResourceNames.Web, paths);
        }
        Assert.Equal(ReplicatedAppFixture.Replicas, servedBy.Count);
    }

    [Fact]
    public async Task Migrations_are_applied_once_and_no_replica_has_one_refused_by_the_database()
    {
        // The fixture's app started on an empty data directory: both replicas of each service migrated it at once.
        await AssertMigratedOnceAsync(ResourceNames.CatalogDb,
            cs => new CatalogDbContext(new DbContextOptionsBuilder<CatalogDbContext>().UseNpgsql(cs).UseSnakeCaseNamingConvention().Options));
        await AssertMigratedOnceAsync(ResourceNames.ProcurementDb,
            cs => new ProcurementDbContext(new DbContextOptionsBuilder<ProcurementDbContext>().UseNpgsql(cs).UseSnakeCaseNamingConvention().Options));
        await AssertMigratedOnceAsync(ResourceNames.WebDb,
            cs => new WebDbContext(new DbContextOptionsBuilder<WebDbContext>().UseNpgsql(cs).UseSnakeCaseNamingConvention().Options));

        foreach (var resource in new[] { ResourceNames.Catalog, ResourceNames.Procurement, ResourceNames.Web })
        {
            foreach (var (replica, log) in await app.LogsAsync(resource))
                Assert.False(MigrationRefused().IsMatch(log), $"PostgreSQL refused a migration of {replica.Id}:\n{log}");
        }
    }

    [Fact]
    public async Task Demo_data_is_seeded_by_one_catalog_replica_while_the_other_finds_it_there()
    {
        // Both replicas were started with Seed:Enabled=true on an empty catalog.
        var logs = await Eventually.ValueAsync(async () =>
        {
            var all = await app.LogsAsync(ResourceNames.Catalog);
            return all.All(l => l.Log.Contains("Seeded the catalog") || l.Log.Contains("Seeding skipped")) ? all : null;
        }, "both catalog replicas finish seeding");

        Assert.Single(logs, l => l.Log.Contains("Seeded the catalog"));
        Assert.Single(logs, l => l.Log.Contains("Seeding skipped"));
        Assert.All(logs, l => Assert.DoesNotContain("Seeding the catalog failed", l.Log));
        Assert.Equal(1L, await ScalarAsync(ResourceNames.CatalogDb, "SELECT count(*) FROM locations WHERE code = 'WH1'"));
    }

    [Fact]
    public async Task Receipts_posted_by_two_dispatchers_book_exactly_one_movement_per_line()
    {
        var order = await SubmittedOrderAsync(lines: 6, quantity: 10);
        var procurement = app.ServiceClient(ResourceNames.Procurement, Roles.Clerk);

        // One receipt per line, all at once: they land on both procurement replicas and wake both dispatchers.
        await Task.WhenAll(order.Order.Lines.Select(line => PostAsync(procurement,
            $"/api/purchase-orders/{order.Order.Id}/receipts", new { locationId = order.Location, lines = new[] { new { lineId = line.Id, quantity = 4 } } })));

        var lines = await Eventually.ValueAsync(async () =>
        {
            var all = (await procurement.GetFromJsonAsync<List<ReceiptDto>>($"/api/purchase-orders/{order.Order.Id}/receipts"))!.SelectMany(r => r.Lines).ToList();
            return all.All(l => l.PostingState == "Posted") ? all : null;
        }, "every receipt line is posted");
        Assert.Equal(6, lines.Count);
        var catalog = app.ServiceClient(ResourceNames.Catalog, Roles.Viewer);
        foreach (var item in order.Items)
        {
            var stock = await catalog.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/items/{item}");
            Assert.Equal(4m, stock.GetProperty("onHand").GetDecimal());
            Assert.Single(stock.GetProperty("recentMovements").EnumerateArray(), m => m.GetProperty("type").GetString() == "receipt");
        }
        // Each line was claimed by one dispatcher: one "Posted receipt line" across both replicas' logs.
        var logs = await app.LogsAsync(ResourceNames.Procurement);
        foreach (var line in lines)
            Assert.Equal(1, logs.Sum(l => Regex.Count(l.Log, $"Posted receipt line {line.Id}")));
    }

    [Fact]
    public async Task One_receive_form_posted_many_times_at_once_through_the_gateway_records_one_receipt()
    {
        var order = await SubmittedOrderAsync(lines: 1, quantity: 10);
        using var browser = await SignIn.AsAsync(app.GatewayUrl, SignIn.AdminEmail);
        var token = BrowserSession.AntiforgeryTokenOf(await (await browser.GetAsync("/purchase-orders/new")).Content.ReadAsStringAsync());
        var form = new Dictionary<string, string>
        {
            ["Input.IdempotencyKey"] = Guid.NewGuid().ToString(),
            ["Input.LocationId"] = order.Location.ToString(),
            ["Input.Lines[0].LineId"] = order.Order.Lines[0].Id.ToString(),
            ["Input.Lines[0].Quantity"] = "3",
            ["__RequestVerificationToken"] = token,
        };
        var receive = $"/purchase-orders/{order.Order.Id}/receive";
        var receipts = $"/api/purchase-orders/{order.Order.Id}/receipts";

        // The same submission, many at once on connections of their own, until both web and both procurement replicas took some.
        Dictionary<string, int> webs = [], procurements = [];
        for (var round = 0; round < 5 && (webs.Count < ReplicatedAppFixture.Replicas || procurements.Count < ReplicatedAppFixture.Replicas); round++)
        {
            var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(async _ =>
            {
                using var session = browser.CopyCookies();
                return await session.PostFormAsync(receive, form, follow: false);
            }));
            // Every one is answered like the first: sent on to the order, as after a recorded receipt.
            Assert.All(answers, a => Assert.Equal($"/purchase-orders/{order.Order.Id}", new Uri(app.GatewayUrl, a.Headers.Location!).AbsolutePath));
            webs = await ServedByAsync(ResourceNames.Web, [receive]);
            procurements = await ServedByAsync(ResourceNames.Procurement, [receipts]);
        }
        Assert.Equal(ReplicatedAppFixture.Replicas, webs.Count);
        Assert.Equal(ReplicatedAppFixture.Replicas, procurements.Count);

        var procurement = app.ServiceClient(ResourceNames.Procurement, Roles.Viewer);
        var receipt = Assert.Single((await procurement.GetFromJsonAsync<List<ReceiptDto>>(receipts))!);
        Assert.Equal(3m, Assert.Single(receipt.Lines).Quantity);
        Assert.Equal(3m, (await procurement.GetFromJsonAsync<PurchaseOrderDto>($"/api/purchase-orders/{order.Order.Id}"))!.Lines[0].QuantityReceived);
    }

    private static string ItemPath(Guid id) => $"/inventory/{id}";

    /// <summary>How many of <paramref name="paths"/> each replica of <paramref name="resource"/> logged as served (replicas that served none are left out).</summary>
    private async Task<Dictionary<string, int>> ServedByAsync(string resource, IReadOnlyCollection<string> paths)
    {
        var logs = await app.LogsAsync(resource);
        return logs.Select(l => (l.Replica.Id, Count: paths.Count(p => l.Log.Contains(p, StringComparison.Ordinal))))
            .Where(x => x.Count > 0).ToDictionary(x => x.Id, x => x.Count);
    }

    private sealed record SubmittedOrder(PurchaseOrderDto Order, Guid Location, IReadOnlyList<Guid> Items);

    /// <summary>A location, <paramref name="lines"/> new items and a submitted order for them, through the services' APIs.</summary>
    private async Task<SubmittedOrder> SubmittedOrderAsync(int lines, decimal quantity)
    {
        var catalog = app.ServiceClient(ResourceNames.Catalog, Roles.Manager);
        var procurement = app.ServiceClient(ResourceNames.Procurement, Roles.Manager);
        var tag = Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        var location = Id(await CreatedAsync(catalog, "/api/locations", new { code = $"RPL-{tag}", name = $"Replica bay {tag}", kind = "warehouse" }));
        var items = new List<Guid>();
        for (var i = 0; i < lines; i++)
            items.Add(Id(await CreatedAsync(catalog, "/api/items", new { sku = $"RPL-{tag}-{i}", name = $"Replica item {tag} {i}", unit = "each" })));
        var supplier = Id(await CreatedAsync(procurement, "/api/suppliers", new { name = $"Replica supplier {tag}", currency = "EUR" }));
        var order = await CreatedAsync(procurement, "/api/purchase-orders",
            new { supplierId = supplier, lines = items.Select(item => new { itemId = item, quantity, unitPrice = 1 }) });
        var submitted = await procurement.PostAsJsonAsync($"/api/purchase-orders/{Id(order)}/submit", new { version = order.GetProperty("version").GetInt32() });
        Assert.True(submitted.IsSuccessStatusCode, $"submit: {(int)submitted.StatusCode} {await submitted.Content.ReadAsStringAsync()}");
        return new((await submitted.Content.ReadFromJsonAsync<PurchaseOrderDto>())!, location, items);
    }

    /// <summary>Creates through an API (<see cref="PostAsync"/>) and returns what was created.</summary>
    private static async Task<System.Text.Json.JsonElement> CreatedAsync(HttpClient client, string path, object body) =>
        await (await PostAsync(client, path, body)).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();

    /// <summary>
    /// A POST that must answer 201. Sent with an Idempotency-Key, so a busy machine's 503 or 504 is retried safely, as
    /// Web's resilience pipeline would: the test's setup is not what it tests.
    /// </summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object body)
    {
        var key = Guid.NewGuid().ToString();
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", key);
            var response = await client.SendAsync(request);
            if (response.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout && attempt < 5)
            {
                await Task.Delay(TimeSpan.FromSeconds(attempt));
                continue;
            }
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return response;
        }
    }

    private static Guid Id(System.Text.Json.JsonElement created) => created.GetProperty("id").GetGuid();

    private async Task AssertMigratedOnceAsync<TContext>(string database, Func<string, TContext> create) where TContext : DbContext
    {
        var connectionString = await app.ConnectionStringAsync(database);
        await using var context = create(connectionString);
        var expected = context.Database.GetMigrations().ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Count, await ScalarAsync(database, """SELECT count(*) FROM "__EFMigrationsHistory" """));
        Assert.Equal(expected, await context.Database.GetAppliedMigrationsAsync());
    }

    private async Task<long> ScalarAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(await app.ConnectionStringAsync(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    // DatabaseMigrator's warning for a failed attempt, then the exception on the next line. A migration applied twice is
    // refused by PostgreSQL (relation already exists, duplicate key in the history): a PostgresException. A timeout
    // reaching the server on a busy machine is retried and is not what this looks for.
    [GeneratedRegex("Migrating \\w+ failed.*\\r?\\n.*PostgresException")]
    private static partial Regex MigrationRefused();
}
