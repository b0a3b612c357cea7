using System.Text.Json.Nodes;

namespace Inventory.Drills.Drills;

/// <summary>
/// Receiving goes on while the catalog is down for 60 s: every catalog process stopped (SIGSTOP), then
/// continued. (A killed catalog cannot be brought back behind the orchestrator's proxy from outside it, and
/// procurement only knows the proxy's address; frozen, it answers nothing, which is what procurement sees.)
/// Procurement must keep accepting receipts (its outbox holds them) and post each line once when it is back.
/// </summary>
public static class CatalogDownDrill
{
    public static async Task<string> RunAsync(Instance instance, int downSeconds = 60, int waitSeconds = 330)
    {
        using var catalog = instance.CatalogClient();
        using var procurement = instance.ProcurementClient(TimeSpan.FromSeconds(15));
        var order = await Api.SubmittedOrderAsync(catalog, procurement, 100_000);
        var location = await Api.NewLocationAsync(catalog);
        var writes = new KeyedWrites(procurement);
        var process = instance.Service("catalog");

        var receiving = Load.RunAsync(4, TimeSpan.FromSeconds(downSeconds + 15), async (_, ct) =>
        {
            await writes.SendAsync($"/api/purchase-orders/{order.Order}/receipts",
                new { locationId = location, lines = new[] { new { lineId = order.Line, quantity = 1 } } }, 1);
            await Task.Delay(250, ct);
        });
        await Task.Delay(TimeSpan.FromSeconds(5));
        process.Signal("STOP");
        await Task.Delay(TimeSpan.FromSeconds(downSeconds));
        process.Signal("CONT");
        await Api.WaitHealthyAsync(instance.Catalog, TimeSpan.FromSeconds(60));
        var back = Tally.Clock.Elapsed.TotalSeconds;
        await receiving;
        await writes.SettleAsync();

        // Every accepted line should reach the catalog: wait (bounded) until none is left unposted.
        var posted = double.NaN;
        var unposted = -1;
        var deadline = DateTime.UtcNow.AddSeconds(waitSeconds);
        while (DateTime.UtcNow < deadline)
        {
            var receipts = (await Api.GetAsync(procurement, $"/api/purchase-orders/{order.Order}/receipts")).AsArray();
            unposted = receipts.SelectMany(r => r!["lines"]!.AsArray()).Count(l => l!["postingState"]!.GetValue<string>() != "Posted");
            if (unposted == 0)
            {
                posted = Math.Round(Tally.Clock.Elapsed.TotalSeconds - back, 1);
                break;
            }
            await Task.Delay(500);
        }
        var onHand = await Api.OnHandAsync(catalog, order.Item, location);
        return $"catalog-frozen-{downSeconds}s: requests={writes.Tally.Requests} ok={writes.AcknowledgedWrites} failures=[{writes.Tally.Failures}] " +
               $"settled=[{writes.Settling.Statuses}] slowest={writes.Tally.Slowest.TotalMilliseconds:F0}ms unposted-at-end={unposted} " +
               $"duplicates={Math.Max(0, onHand - writes.Acknowledged)} lost-updates={Math.Max(0, writes.Acknowledged - onHand)} " +
               $"recovery={posted}s (catalog healthy → every line posted; bound {waitSeconds}s)";
    }
}
