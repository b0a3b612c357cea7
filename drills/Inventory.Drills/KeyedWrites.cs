using System.Collections.Concurrent;
using System.Net;

namespace Inventory.Drills;

/// <summary>
/// Writes that each carry their own Idempotency-Key. A write whose outcome the drill could not see (no answer,
/// or a 5xx) is sent again with its key after the fault (<see cref="SettleAsync"/>): a replay returns the first
/// answer if it had committed, or applies it now. Afterwards every write has a definite answer, so the effects
/// the app acknowledged can be compared exactly with what it stored: lost updates and duplicates.
/// </summary>
public sealed class KeyedWrites(HttpClient client)
{
    private HttpClient _client = client;

    private readonly ConcurrentQueue<(Func<HttpRequestMessage> Request, decimal Effect)> _unknown = new();
    private decimal _acknowledged;
    private int _acknowledgedWrites;
    private readonly Lock _sum = new();

    public Tally Tally { get; } = new();
    public Tally Settling { get; } = new();
    public decimal Acknowledged => _acknowledged;
    public int AcknowledgedWrites => _acknowledgedWrites;

    /// <summary>
    /// Sends the write; <paramref name="effect"/> is what it adds to the checked figure when acknowledged. The
    /// end of a drill never cancels a write in flight (it would commit unseen and count as a duplicate).
    /// </summary>
    public async Task<HttpStatusCode?> SendAsync(string path, object body, decimal effect)
    {
        var request = Api.Post(path, body, Guid.NewGuid().ToString());
        var (status, _) = await Tally.SendAsync(_client, request);
        Settle(status, request, effect);
        return status;
    }

    private void Settle(HttpStatusCode? status, Func<HttpRequestMessage> request, decimal effect)
    {
        if (status is null || (int)status >= 500)
            _unknown.Enqueue((request, effect));
        else if ((int)status < 300)
        {
            lock (_sum)
            {
                _acknowledged += effect;
                _acknowledgedWrites++;
            }
        }
    }

    /// <summary>Replays every write of unknown outcome until each has a definite answer (bounded: 10 rounds).</summary>
    public async Task SettleAsync()
    {
        for (var round = 0; round < 10 && !_unknown.IsEmpty; round++)
        {
            var pending = new List<(Func<HttpRequestMessage> Request, decimal Effect)>();
            while (_unknown.TryDequeue(out var write))
                pending.Add(write);
            await Parallel.ForEachAsync(pending, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (write, ct) =>
            {
                var (status, _) = await Settling.SendAsync(_client, write.Request, ct);
                Settle(status, write.Request, write.Effect);
            });
            if (!_unknown.IsEmpty)
                await Task.Delay(TimeSpan.FromSeconds(2));
        }
    }

    public int Unsettled => _unknown.Count;

    /// <summary>Sends the next writes (and replays) to another address of the same service.</summary>
    public void SwitchTo(HttpClient other) => _client = other;
}
