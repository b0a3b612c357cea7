namespace Inventory.Drills.Drills;

/// <summary>
/// A burst of transfers between two locations; the catalog is killed (SIGKILL) in the middle and started
/// again as it was. A transfer is both legs or neither: the two locations' sum never changes. The orchestrator's
/// proxy stops forwarding to a process it did not start, so after the restart the drill talks to the
/// catalog's own port (its ASPNETCORE_URLS); the rest of the instance keeps seeing it down.
/// </summary>
public static class CatalogKillDrill
{
    public static async Task<string> RunAsync(Instance instance, string runDirectory)
    {
        using var catalog = instance.CatalogClient(TimeSpan.FromSeconds(15));
        var process = instance.Service("catalog");
        using var restarted = instance.Client(new Uri(process.Environment["ASPNETCORE_URLS"].Split(';')[0]), "catalog", timeout: TimeSpan.FromSeconds(15));
        var item = await Api.NewItemAsync(catalog);
        var (from, to) = (await Api.NewLocationAsync(catalog), await Api.NewLocationAsync(catalog));
        const decimal start = 100_000;
        await Api.ReceiveAsync(catalog, item, from, start);
        var writes = new KeyedWrites(catalog);

        var burst = Load.RunAsync(16, TimeSpan.FromSeconds(25), (_, ct) => writes.SendAsync("/api/movements/transfers",
            new { itemId = item, fromLocationId = from, toLocationId = to, quantity = 1 }, 1));
        await Task.Delay(TimeSpan.FromSeconds(5));
        process.Signal("KILL");
        while (process.IsAlive)
            await Task.Delay(50);
        process.Respawn(runDirectory, "catalog");
        writes.SwitchTo(restarted);
        var respawned = Tally.Clock.Elapsed.TotalSeconds;
        await burst;
        await writes.SettleAsync();

        var (a, b) = (await Api.OnHandAsync(restarted, item, from), await Api.OnHandAsync(restarted, item, to));
        var outs = await Api.MovementCountAsync(restarted, item, "transfer_out");
        var ins = await Api.MovementCountAsync(restarted, item, "transfer_in");
        return $"catalog-killed-mid-transfers: requests={writes.Tally.Requests} ok={writes.AcknowledgedWrites} failures=[{writes.Tally.Failures}] " +
               $"settled=[{writes.Settling.Statuses}] unsettled={writes.Unsettled} torn={start - a - b} legs-out/in={outs}/{ins} " +
               $"duplicates={outs - writes.AcknowledgedWrites} lost-updates={writes.Acknowledged - b} " +
               $"recovery={writes.Tally.FirstAnswerAfter(respawned)}s (restart → first answer)";
    }
}
