namespace Inventory.Drills.Drills;

/// <summary>32 writers × 200 movements (receipts and issues of 1, alternating) on one stock row.</summary>
public static class OneRowDrill
{
    public static async Task<string> RunAsync(Instance instance, int writers = 32, int movementsEach = 200)
    {
        using var catalog = instance.CatalogClient();
        var item = await Api.NewItemAsync(catalog);
        var location = await Api.NewLocationAsync(catalog);
        const decimal start = 100_000;
        await Api.ReceiveAsync(catalog, item, location, start);

        var writes = new KeyedWrites(catalog);
        var started = Tally.Clock.Elapsed;
        await Task.WhenAll(Enumerable.Range(0, writers).Select(async _ =>
        {
            for (var i = 0; i < movementsEach; i++)
            {
                var receipt = i % 2 == 0;
                await writes.SendAsync(receipt ? "/api/movements/receipts" : "/api/movements/issues",
                    new { itemId = item, locationId = location, quantity = 1, reference = "drill one-row" }, receipt ? 1 : -1);
            }
        }));
        var seconds = (Tally.Clock.Elapsed - started).TotalSeconds;
        await writes.SettleAsync();

        var onHand = await Api.OnHandAsync(catalog, item, location);
        var ledger = await Api.MovementCountAsync(catalog, item) - 1;
        return $"one-row: requests={writes.Tally.Requests} ok={writes.AcknowledgedWrites} failures=[{writes.Tally.Failures}] " +
               $"settled=[{writes.Settling.Statuses}] unsettled={writes.Unsettled} movements/s={writes.Tally.Requests / seconds:F0} " +
               $"slowest={writes.Tally.Slowest.TotalMilliseconds:F0}ms duplicates={ledger - writes.AcknowledgedWrites} " +
               $"lost-updates={start + writes.Acknowledged - onHand} recovery=n/a";
    }
}
