using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using Inventory.Benchmarks;
using Inventory.Benchmarks.Suite;
using Inventory.CatalogService.Data;
using Inventory.LocalPostgres;
using Inventory.ServiceDefaults;
using Inventory.ServiceDefaults.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

// The suite's modes (benchmarks/suite.sh): keys, load-data, prepare, signin, open-loop, writers, report.
if (args.Length > 0 && SuiteModes.Has(args[0]))
    return await SuiteModes.RunAsync(args[0], args[1..]);

// Loads a generated catalog into a fresh PostgreSQL (or --connection), hosts the catalog service in process and
// prints timings of list pages (first and deep), the dashboard, and movement writes under concurrent load.
// Figures are printed, not asserted: they depend on the machine.
var options = args.Select((a, i) => (a, i)).Where(x => x.a.StartsWith("--", StringComparison.Ordinal) && x.i + 1 < args.Length)
    .ToDictionary(x => x.a[2..], x => args[x.i + 1]);
int Option(string name, int fallback) => options.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
var items = Option("items", 100_000);
var movements = Option("movements", 1_000_000);
var repeats = Option("repeats", 15);
var writers = Option("writers", 16);
var writeSeconds = Option("seconds", 15);

TemporaryPostgresServer? server = null;
string connectionString;
if (options.TryGetValue("connection", out var given))
    connectionString = given;
else
{
    // Durable settings as in production (fsync on), a modest shared_buffers for a 2-core box.
    server = await TemporaryPostgresServer.StartAsync(new() { Durable = true, MaxConnections = 200, Settings = ["shared_buffers=256MB"] });
    await server.CreateDatabaseAsync("catalogdb");
    connectionString = server.ConnectionString("catalogdb");
}

try
{
    Console.WriteLine($"Machine: {Environment.ProcessorCount} cores; .NET {Environment.Version}");
    (items, movements) = await CatalogLoad.EnsureLoadedAsync(connectionString, items, movements);

    var keys = SigningKeys.Generate();
    await using var factory = new WebApplicationFactory<CatalogDbContext>().WithWebHostBuilder(b => b
        .UseEnvironment("Benchmark")
        .UseSetting($"ConnectionStrings:{ResourceNames.CatalogDb}", connectionString)
        .UseSetting("OTEL_SDK_DISABLED", "true")
        .UseSetting("Logging:LogLevel:Default", "Warning")
        .UseSetting(ServiceAuthentication.UserPublicKeySetting, keys.PublicKeyPem)
        .UseSetting(ServiceAuthentication.ServicePublicKeySetting(ResourceNames.Procurement), keys.PublicKeyPem));
    var minter = new TokenMinter(TokenClaims.UserIssuer, keys.PrivateKeyPem, TimeProvider.System);
    HttpClient Client()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", minter.Mint(ResourceNames.Catalog,
            [new Claim(TokenClaims.Subject, "bench-user"), new Claim(TokenClaims.Role, Roles.Manager)]));
        return client;
    }
    var http = Client();
    // The service's migrator reports healthy once it has looked at the (already migrated) database.
    for (var attempt = 1; !(await http.GetAsync("/health")).IsSuccessStatusCode; attempt++)
    {
        if (attempt == 100)
            throw new InvalidOperationException("The catalog service did not become healthy in 20 s.");
        await Task.Delay(200);
    }

    // Cursors for a page 90% of the way down each order, built from the data (as a client following nextCursor would reach it).
    await using var sql = new NpgsqlConnection(connectionString);
    await sql.OpenAsync();
    async Task<string[]> Row(string query)
    {
        await using var command = new NpgsqlCommand(query, sql) { CommandTimeout = 0 };
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)!).ToArray();
    }
    var deep = (int)(items * 0.9);
    var skuKey = await Row($"SELECT sku_normalized, id FROM items WHERE NOT is_archived ORDER BY sku_normalized, id OFFSET {deep} LIMIT 1");
    var nameKey = await Row($"SELECT name, id FROM items WHERE NOT is_archived ORDER BY name DESC, id DESC OFFSET {deep} LIMIT 1");
    var onHandKey = await Row($"SELECT t.on_hand, i.id FROM items i JOIN item_stock_totals t ON t.item_id = i.id WHERE NOT is_archived ORDER BY t.on_hand DESC, i.id DESC OFFSET {deep} LIMIT 1");
    var movementKey = await Row($"SELECT to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'), seq FROM movements ORDER BY occurred_at DESC, seq DESC OFFSET {(int)(movements * 0.9)} LIMIT 1");
    var someItem = (await Row("SELECT item_id FROM stock_levels ORDER BY item_id LIMIT 1 OFFSET 1000"))[0];
    var category = (await Row("SELECT id FROM categories WHERE depth = 1 ORDER BY name LIMIT 1"))[0];
    var warehouse = (await Row("SELECT id FROM locations WHERE depth = 1 ORDER BY code LIMIT 1"))[0];

    var reads = new (string Name, string Url)[]
    {
        ("items, first page (sku)", "/api/items?pageSize=50"),
        ("items, deep page 90% (sku)", $"/api/items?pageSize=50&after={Paging.Cursor("sku:asc", skuKey[0], skuKey[1])}"),
        ("items, first page (name desc)", "/api/items?pageSize=50&sort=name&dir=desc"),
        ("items, deep page 90% (name desc)", $"/api/items?pageSize=50&sort=name&dir=desc&after={Paging.Cursor("name:desc", nameKey[0], nameKey[1])}"),
        ("items, first page (onHand desc)", "/api/items?pageSize=50&sort=onHand&dir=desc"),
        ("items, deep page 90% (onHand desc)", $"/api/items?pageSize=50&sort=onHand&dir=desc&after={Paging.Cursor("onHand:desc", onHandKey[0], onHandKey[1])}"),
        ("items, search 'bolt m8'", "/api/items?pageSize=50&search=bolt%20M8"),
        ("items, category with descendants", $"/api/items?pageSize=50&categoryId={category}"),
        ("items, location (warehouse + bins)", $"/api/items?pageSize=50&locationId={warehouse}"),
        ("items, low stock filter", "/api/items?pageSize=50&lowStock=true"),
        ("low-stock list", "/api/stock/low?pageSize=50"),
        ("item detail (stock + recent movements)", $"/api/items/{someItem}"),
        ("movements, first page", "/api/movements?pageSize=50"),
        ("movements, deep page 90%", $"/api/movements?pageSize=50&after={Paging.Cursor("occurredAt:desc", movementKey[0], movementKey[1])}"),
        ("movements by item", $"/api/movements?pageSize=50&itemId={someItem}"),
        ("dashboard", "/api/dashboard"),
    };
    Console.WriteLine();
    Console.WriteLine($"Reads (sequential, {repeats} runs after 2 warm-ups; ms)        median      p95");
    foreach (var (name, url) in reads)
    {
        var times = new List<double>();
        for (var i = 0; i < repeats + 2; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await http.GetAsync(url);
            var body = await response.Content.ReadAsByteArrayAsync();
            watch.Stop();
            if (!response.IsSuccessStatusCode)
                throw new InvalidOperationException($"{url}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(body)}");
            if (i >= 2)
                times.Add(watch.Elapsed.TotalMilliseconds);
        }
        Console.WriteLine($"  {name,-48} {Percentile(times, 50),8:N1} {Percentile(times, 95),8:N1}");
    }

    // Writes under load: receipts and issues against balances that exist, from concurrent writers.
    var pairs = new List<(string Item, string Location)>();
    await using (var command = new NpgsqlCommand("SELECT item_id, location_id FROM stock_levels s JOIN items i ON i.id = s.item_id WHERE NOT i.is_archived AND i.unit IN ('each','box','pack','pair') ORDER BY random() LIMIT 2000", sql))
    await using (var reader = await command.ExecuteReaderAsync())
    {
        while (await reader.ReadAsync())
            pairs.Add((reader.GetGuid(0).ToString(), reader.GetGuid(1).ToString()));
    }
    var latencies = new List<double>();
    int created = 0, conflicts = 0, failures = 0;
    var stopAt = DateTime.UtcNow.AddSeconds(writeSeconds);
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, writers).Select(async w =>
    {
        var client = Client();
        var random = new Random(w);
        var mine = new List<double>();
        while (DateTime.UtcNow < stopAt)
        {
            var (item, location) = pairs[random.Next(pairs.Count)];
            var receipt = random.Next(2) == 0;
            var watch = Stopwatch.StartNew();
            using var response = await client.PostAsJsonAsync(receipt ? "/api/movements/receipts" : "/api/movements/issues",
                new { itemId = item, locationId = location, quantity = random.Next(1, 5) });
            mine.Add(watch.Elapsed.TotalMilliseconds);
            switch ((int)response.StatusCode)
            {
                case 201: Interlocked.Increment(ref created); break;
                case 409: Interlocked.Increment(ref conflicts); break;
                default: Interlocked.Increment(ref failures); break;
            }
        }
        lock (latencies)
            latencies.AddRange(mine);
    }));
    clock.Stop();
    Console.WriteLine();
    Console.WriteLine($"Movement writes under load: {writers} concurrent writers for {clock.Elapsed.TotalSeconds:N0} s");
    Console.WriteLine($"  {latencies.Count / clock.Elapsed.TotalSeconds:N0} requests/s; {created:N0} booked, {conflicts:N0} refused (409: not enough stock), {failures} other");
    Console.WriteLine($"  latency ms: median {Percentile(latencies, 50):N1}, p95 {Percentile(latencies, 95):N1}, p99 {Percentile(latencies, 99):N1}");
    var dashboard = Stopwatch.StartNew();
    (await http.GetAsync("/api/dashboard")).EnsureSuccessStatusCode();
    Console.WriteLine($"  dashboard right after the load: {dashboard.Elapsed.TotalMilliseconds:N1} ms");
    return failures == 0 ? 0 : 1;
}
finally
{
    if (server is not null)
        await server.DisposeAsync();
}

static double Percentile(List<double> values, int percentile)
{
    if (values.Count == 0)
        return double.NaN;
    var sorted = values.Order().ToList();
    return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1)];
}
