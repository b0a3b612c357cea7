using System.Diagnostics;
using System.Net;

namespace Inventory.Benchmarks.Suite;

/// <summary>
/// Constant-rate (open-loop) GETs: request i is due at start + i/rate whatever the earlier ones are doing, and its
/// latency runs from that due time, not from when it was sent — so a stalled server shows as queueing time instead
/// of quietly lowering the rate (coordinated omission). A request that takes longer than the timeout, or answers
/// anything but 2xx (a redirect to sign-in is an error too), counts as an error.
/// <code>open-loop --url U --rate 100 --seconds 20 --label p1.first.gateway [--header "Cookie: …"] [--results file]</code>
/// </summary>
public static class OpenLoopLoad
{
    public static async Task<int> RunAsync(SuiteOptions options)
    {
        var url = new Uri(options.Text("url"));
        var rate = options.Number("rate", 100);
        var seconds = options.Number("seconds", 20);
        var warmup = options.Number("warmup", 2);
        var label = options.Text("label");
        var timeout = TimeSpan.FromSeconds(options.Number("timeout", 10));
        var headers = options.All("header").Select(Header).ToList();

        using var client = new HttpClient(new SocketsHttpHandler
        {
            UseCookies = false, AllowAutoRedirect = false, MaxConnectionsPerServer = 1024,
            AutomaticDecompression = DecompressionMethods.None, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
        }) { Timeout = Timeout.InfiniteTimeSpan };

        // The warm-up (JIT, connections, caches) runs at the same rate and is not counted.
        await RunAtRateAsync(client, url, headers, rate, warmup, timeout);
        var run = await RunAtRateAsync(client, url, headers, rate, seconds, timeout);

        var latencies = run.Latencies;
        var line = $"{label,-34} {rate,5:0}/s {seconds,3:0} s: p50 {Results.Percentile(latencies, 50),8:N1} ms  p95 {Results.Percentile(latencies, 95),8:N1}  " +
                   $"p99 {Results.Percentile(latencies, 99),8:N1}  max {(latencies.Count > 0 ? latencies.Max() : double.NaN),8:N1}  errors {run.Errors,5}  achieved {run.Achieved,6:N1}/s";
        Console.WriteLine(line);
        if (run.FirstError is not null)
            Console.WriteLine($"  first error: {run.FirstError}");
        if (options.TextOrNull("results") is { } file)
        {
            Results.Append(file, $"{label}.p50", Results.Percentile(latencies, 50));
            Results.Append(file, $"{label}.p95", Results.Percentile(latencies, 95));
            Results.Append(file, $"{label}.p99", Results.Percentile(latencies, 99));
            Results.Append(file, $"{label}.errors", run.Errors);
            Results.Append(file, $"{label}.rate", run.Achieved);
        }
        return 0;
    }

    private sealed record Run(List<double> Latencies, int Errors, double Achieved, string? FirstError);

    private static async Task<Run> RunAtRateAsync(HttpClient client, Uri url, List<(string Name, string Value)> headers, double rate,
        double seconds, TimeSpan timeout)
    {
        var count = Math.Max(1, (int)Math.Round(rate * seconds));
        var latencies = new double[count];
        var ok = new bool[count];
        string? firstError = null;
        var clock = Stopwatch.StartNew();
        var inFlight = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            var due = TimeSpan.FromSeconds(i / rate);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
                await Task.Delay(wait);
            var index = i;
            inFlight.Add(Task.Run(async () =>
            {
                using var cancel = new CancellationTokenSource(timeout);
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, url);
                    foreach (var (name, value) in headers)
                        request.Headers.TryAddWithoutValidation(name, value);
                    using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancel.Token);
                    ok[index] = response.IsSuccessStatusCode;
                    if (!ok[index])
                        Interlocked.CompareExchange(ref firstError, $"{(int)response.StatusCode} {response.Headers.Location}", null);
                }
                catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
                {
                    Interlocked.CompareExchange(ref firstError, ex.GetType().Name + ": " + ex.Message, null);
                }
                latencies[index] = (clock.Elapsed - due).TotalMilliseconds;
            }));
        }
        await Task.WhenAll(inFlight);
        var elapsed = clock.Elapsed.TotalSeconds;
        var succeeded = ok.Count(o => o);
        return new(latencies.ToList(), count - succeeded, succeeded / Math.Max(elapsed, seconds), firstError);
    }

    private static (string Name, string Value) Header(string header)
    {
        var colon = header.IndexOf(':', StringComparison.Ordinal);
        return colon > 0
            ? (header[..colon].Trim(), header[(colon + 1)..].Trim())
            : throw new SuiteUsageException($"--header '{header}' is not 'Name: value'.");
    }
}
