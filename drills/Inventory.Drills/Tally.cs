using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Inventory.Drills;

/// <summary>What a drill's requests got: answers by status (or "error"/"timeout" when none came), slowest answer.</summary>
public sealed class Tally
{
    private readonly ConcurrentDictionary<string, int> _byStatus = new();
    private readonly ConcurrentQueue<(double At, bool Failed)> _events = new();
    private long _slowestTicks;
    private int _requests;

    /// <summary>The drill's clock: seconds since the drill started, for when faults begin and end.</summary>
    public static readonly Stopwatch Clock = Stopwatch.StartNew();

    public int Requests => _requests;
    public TimeSpan Slowest => TimeSpan.FromTicks(Interlocked.Read(ref _slowestTicks));
    public int Count(string status) => _byStatus.GetValueOrDefault(status);
    public int Succeeded => _byStatus.Where(s => s.Key.StartsWith('2')).Sum(s => s.Value);

    /// <summary>Sends a request (built afresh, so it can be sent again) and records how it ended.</summary>
    public async Task<(HttpStatusCode? Status, string Body)> SendAsync(HttpClient client, Func<HttpRequestMessage> request, CancellationToken ct = default)
    {
        Interlocked.Increment(ref _requests);
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await client.SendAsync(request(), ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            Record(((int)response.StatusCode).ToString(CultureInfo.InvariantCulture), watch);
            return (response.StatusCode, body);
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            Record("timeout", watch);
            return (null, "");
        }
        catch (HttpRequestException)
        {
            Record("error", watch);
            return (null, "");
        }
    }

    private void Record(string status, Stopwatch watch)
    {
        _byStatus.AddOrUpdate(status, 1, (_, n) => n + 1);
        // A failure is an answer the app should not give: a 5xx, or none at all. 4xx are the app's rules.
        _events.Enqueue((Clock.Elapsed.TotalSeconds, status is "error" or "timeout" || status.StartsWith('5')));
        var ticks = watch.Elapsed.Ticks;
        long seen;
        while (ticks > (seen = Interlocked.Read(ref _slowestTicks)) && Interlocked.CompareExchange(ref _slowestTicks, ticks, seen) != seen)
        {
        }
    }

    /// <summary>Seconds after <paramref name="since"/> until the last failure (0 when none followed it).</summary>
    public double FailingFor(double since) =>
        Math.Round(_events.Where(e => e.Failed && e.At >= since).Select(e => e.At - since).DefaultIfEmpty(0).Max(), 1);

    /// <summary>Seconds after <paramref name="since"/> until the first answer that was not a failure.</summary>
    public double FirstAnswerAfter(double since) =>
        Math.Round(_events.Where(e => !e.Failed && e.At >= since).Select(e => e.At - since).DefaultIfEmpty(double.NaN).Min(), 1);

    /// <summary>"201:6390 500:3 error:7" — every answer kind, most common first.</summary>
    public string Statuses => _byStatus.IsEmpty ? "none" :
        string.Join(' ', _byStatus.OrderByDescending(s => s.Value).Select(s => $"{s.Key}:{s.Value}"));

    public string Failures => string.Join(' ', _byStatus.Where(s => !s.Key.StartsWith('2')).OrderByDescending(s => s.Value).Select(s => $"{s.Key}:{s.Value}")) is { Length: > 0 } f ? f : "none";
}
