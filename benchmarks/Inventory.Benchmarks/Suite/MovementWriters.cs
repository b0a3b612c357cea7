using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Npgsql;

namespace Inventory.Benchmarks.Suite;

/// <summary>
/// P2: closed-loop writers booking receipts and issues through the catalog API as fast as it takes them, on random
/// balances (the <c>bench_pairs</c> table <see cref="Prepare"/> filled, which pgbench's script reads too) or all on
/// one hot item. Movements/s counts booked movements (201); a refusal for lack of stock (409) is counted apart.
/// <code>writers --api http://127.0.0.1:P --web-key file --connection "…catalogdb" --writers 16 --seconds 15 --label p2.random [--hot true]</code>
/// </summary>
public static class MovementWriters
{
    public static async Task<int> RunAsync(SuiteOptions options)
    {
        var api = new Uri(options.Text("api"));
        var writers = options.Whole("writers", 16);
        var seconds = options.Number("seconds", 15);
        var label = options.Text("label");
        var hot = options.TextOrNull("hot") == "true";
        var token = Tokens.FromKeyFile(options.Text("web-key")).ForCatalog();

        var pairs = new List<(Guid Item, Guid Location)>();
        await using (var sql = new NpgsqlConnection(options.Text("connection")))
        {
            await sql.OpenAsync();
            await using var command = new NpgsqlCommand(hot ? "SELECT item_id, location_id FROM bench_hot" : "SELECT item_id, location_id FROM bench_pairs", sql);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                pairs.Add((reader.GetGuid(0), reader.GetGuid(1)));
        }
        if (pairs.Count == 0)
            throw new SuiteUsageException("No bench_pairs/bench_hot rows: run 'prepare' first.");

        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = writers * 2 }) { BaseAddress = api };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        int booked = 0, refused = 0, failed = 0;
        var latencies = new List<double>();
        var stopAt = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(async w =>
        {
            var random = new Random(w);
            var mine = new List<double>();
            while (stopAt.Elapsed.TotalSeconds < seconds)
            {
                var (item, location) = pairs[random.Next(pairs.Count)];
                var receipt = random.Next(2) == 0;
                var watch = Stopwatch.StartNew();
                try
                {
                    using var response = await client.PostAsJsonAsync(receipt ? "api/movements/receipts" : "api/movements/issues",
                        new { itemId = item, locationId = location, quantity = random.Next(1, 5) });
                    switch ((int)response.StatusCode)
                    {
                        case 201: Interlocked.Increment(ref booked); break;
                        case 409: Interlocked.Increment(ref refused); break;
                        default: Interlocked.Increment(ref failed); break;
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref failed);
                }
                mine.Add(watch.Elapsed.TotalMilliseconds);
            }
            lock (latencies)
                latencies.AddRange(mine);
        }));
        var elapsed = stopAt.Elapsed.TotalSeconds;
        var perSecond = (booked + refused) / elapsed;
        Console.WriteLine($"{label,-34} {writers} writers {elapsed,4:N0} s: {perSecond,7:N0} movements/s ({booked:N0} booked, {refused:N0} refused for stock, " +
                          $"{failed} failed); p50 {Results.Percentile(latencies, 50):N1} ms, p95 {Results.Percentile(latencies, 95):N1}");
        if (options.TextOrNull("results") is { } file)
        {
            Results.Append(file, $"{label}.per_s", perSecond);
            Results.Append(file, $"{label}.failed", failed);
        }
        return 0;
    }
}
