using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Inventory.ServiceDefaults;
using Npgsql;

namespace Inventory.Benchmarks.Suite;

/// <summary>
/// After the services are up on the loaded catalog: the procurement data the PO list shows (suppliers and purchase
/// orders, through procurement's API as a Manager), the balances the writers and pgbench use (<c>bench_pairs</c>,
/// <c>bench_hot</c>), and the targets of the read steps, written as shell variables to <c>--out</c>.
/// <code>prepare --connection "…catalogdb" --procurement http://127.0.0.1:P --web-key file --suppliers 20 --orders 300 --out targets.env</code>
/// </summary>
public static class Prepare
{
    public static async Task<int> RunAsync(SuiteOptions options)
    {
        var connection = options.Text("connection");
        await using var sql = new NpgsqlConnection(connection);
        await sql.OpenAsync();
        await ExecuteAsync(sql, """
            DROP TABLE IF EXISTS bench_pairs, bench_hot;
            CREATE TABLE bench_pairs AS
                SELECT row_number() OVER () AS n, item_id, location_id FROM (
                    SELECT s.item_id, s.location_id FROM stock_levels s JOIN items i ON i.id = s.item_id
                    WHERE NOT i.is_archived AND i.unit IN ('each','box','pack','pair') ORDER BY random() LIMIT 2000) chosen;
            CREATE UNIQUE INDEX ON bench_pairs (n);
            -- The item with the most movements: the item page's worst case, and the hot item of the writers.
            CREATE TABLE bench_hot AS
                SELECT 1::bigint AS n, s.item_id, s.location_id FROM stock_levels s
                WHERE s.item_id = (SELECT item_id FROM movements m JOIN items i ON i.id = m.item_id
                                   WHERE NOT i.is_archived AND i.unit IN ('each','box','pack','pair')
                                   GROUP BY item_id ORDER BY count(*) DESC LIMIT 1)
                ORDER BY s.on_hand DESC LIMIT 1;
            ANALYZE bench_pairs; ANALYZE bench_hot;
            """);
        var items = long.Parse(await ScalarAsync(sql, "SELECT count(*) FROM items WHERE NOT is_archived"), CultureInfo.InvariantCulture);
        var deep = await RowAsync(sql, $"SELECT sku_normalized, id FROM items WHERE NOT is_archived ORDER BY sku_normalized, id OFFSET {items * 9 / 10} LIMIT 1");
        var targets = new Dictionary<string, string>
        {
            ["DEEP_CURSOR"] = Uri.EscapeDataString(Paging.Cursor("sku:asc", deep[0], deep[1])),
            // One item's SKU: a search that matches a few items (that one, and SKUs that contain it).
            ["SEARCH_TERM"] = Uri.EscapeDataString(await ScalarAsync(sql, $"SELECT sku FROM items WHERE NOT is_archived ORDER BY sku_normalized OFFSET {items / 2} LIMIT 1")),
            ["CATEGORY_ID"] = await ScalarAsync(sql, "SELECT id FROM categories WHERE depth = 1 ORDER BY name LIMIT 1"),
            ["BUSY_ITEM_ID"] = await ScalarAsync(sql, "SELECT item_id FROM bench_hot"),
            ["BUSY_ITEM_MOVEMENTS"] = await ScalarAsync(sql, "SELECT count(*) FROM movements WHERE item_id = (SELECT item_id FROM bench_hot)"),
        };

        var orders = await SeedProcurementAsync(options, sql);
        targets["PURCHASE_ORDERS"] = orders.ToString(CultureInfo.InvariantCulture);
        File.WriteAllLines(options.Text("out"), targets.Select(t => $"{t.Key}='{t.Value.Replace("'", "", StringComparison.Ordinal)}'"));
        Console.WriteLine($"Prepared: {string.Join(", ", targets.Select(t => $"{t.Key}={t.Value}"))}");
        return 0;
    }

    private static async Task<int> SeedProcurementAsync(SuiteOptions options, NpgsqlConnection sql)
    {
        var suppliers = options.Whole("suppliers", 20);
        var orders = options.Whole("orders", 300);
        using var client = new HttpClient { BaseAddress = new Uri(options.Text("procurement")) };
        client.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Bearer", Tokens.FromKeyFile(options.Text("web-key")).For(ResourceNames.Procurement));

        var itemIds = new List<Guid>();
        await using (var command = new NpgsqlCommand("SELECT id FROM items WHERE NOT is_archived ORDER BY random() LIMIT 500", sql))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
                itemIds.Add(reader.GetGuid(0));
        }
        var supplierIds = new List<Guid>();
        for (var s = 0; s < suppliers; s++)
        {
            var created = await PostAsync(client, "api/suppliers", new { name = $"Bench supplier {s + 1:D3}", email = $"orders{s + 1}@supplier.example", leadTimeDays = 7 });
            supplierIds.Add(created.GetProperty("id").GetGuid());
        }
        var random = new Random(14);
        var expected = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(14));
        // A few in parallel: procurement checks every line's item with the catalog.
        await Parallel.ForAsync(0, orders, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (o, _) =>
        {
            Guid supplier;
            (Guid, int, decimal)[] lines;
            lock (random)
            {
                supplier = supplierIds[o % supplierIds.Count];
                lines = Enumerable.Range(0, random.Next(1, 6))
                    .Select(_ => (itemIds[random.Next(itemIds.Count)], random.Next(1, 100), Math.Round((decimal)(random.NextDouble() * 50 + 1), 2))).ToArray();
            }
            await PostAsync(client, "api/purchase-orders", new
            {
                supplierId = supplier, expectedDate = expected, notes = $"Bench order {o + 1}",
                lines = lines.DistinctBy(l => l.Item1).Select(l => new { itemId = l.Item1, quantity = l.Item2, unitPrice = l.Item3 }),
            });
        });
        return orders;
    }

    /// <summary>
    /// Posts with an Idempotency-Key, retrying the same key on a 5xx: a service just started on a busy machine may time
    /// out its first requests (JIT, connection pools), and the key makes a retry safe.
    /// </summary>
    private static async Task<JsonElement> PostAsync(HttpClient client, string path, object body)
    {
        var key = Guid.NewGuid().ToString();
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", key);
            using var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            if (response.IsSuccessStatusCode)
                return JsonDocument.Parse(text).RootElement.Clone();
            if ((int)response.StatusCode < 500 || attempt == 5)
                throw new InvalidOperationException($"POST {path}: {(int)response.StatusCode} {text}");
            await Task.Delay(TimeSpan.FromSeconds(attempt));
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection sql, string text)
    {
        await using var command = new NpgsqlCommand(text, sql) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> ScalarAsync(NpgsqlConnection sql, string text) => (await RowAsync(sql, text))[0];

    private static async Task<string[]> RowAsync(NpgsqlConnection sql, string text)
    {
        await using var command = new NpgsqlCommand(text, sql) { CommandTimeout = 0 };
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
            throw new InvalidOperationException($"No row: {text}");
        return Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)!).ToArray();
    }
}
