using Npgsql;

namespace Inventory.Drills.Drills;

/// <summary>
/// Load on both services (writers booking receipts, readers of the dashboard and lists) while the database
/// fails: every connection cut (pg_terminate_backend, three times), the server frozen (SIGSTOP of every
/// postgres process, then SIGCONT), or stopped (fast shutdown, then started again as it was).
/// </summary>
public static class DatabaseDrill
{
    public enum Fault { Cut, Freeze, Stop }

    public static async Task<string> RunAsync(Instance instance, Fault fault, string runDirectory, int faultSeconds)
    {
        using var catalog = instance.CatalogClient(TimeSpan.FromSeconds(30));
        using var procurement = instance.ProcurementClient(TimeSpan.FromSeconds(30));
        var item = await Api.NewItemAsync(catalog);
        var location = await Api.NewLocationAsync(catalog);
        var writes = new KeyedWrites(catalog);
        var reads = new Tally();
        var health = new Tally();
        using var healthClient = new HttpClient { BaseAddress = instance.Catalog, Timeout = TimeSpan.FromSeconds(30) };
        var total = TimeSpan.FromSeconds(5 + faultSeconds + 20);
        string[] readPaths = ["/api/dashboard", "/api/items?search=drill", "/api/stock?pageSize=50"];

        var load = Task.WhenAll(
            Load.RunAsync(6, total, (_, ct) => writes.SendAsync("/api/movements/receipts",
                new { itemId = item, locationId = location, quantity = 1, reference = "drill db" }, 1)),
            Load.RunAsync(2, total, async (worker, ct) =>
            {
                await reads.SendAsync(catalog, () => new HttpRequestMessage(HttpMethod.Get, readPaths[Random.Shared.Next(readPaths.Length)]), ct);
                await reads.SendAsync(procurement, () => new HttpRequestMessage(HttpMethod.Get, "/api/suppliers?search=drill"), ct);
            }),
            Load.RunAsync(1, total, async (_, ct) =>
            {
                await health.SendAsync(healthClient, () => new HttpRequestMessage(HttpMethod.Get, "/health"), ct);
                await Task.Delay(1000, ct);
            }));

        await Task.Delay(TimeSpan.FromSeconds(5));
        var faultEnd = await InjectAsync(instance, fault, runDirectory, faultSeconds);
        await load;
        await writes.SettleAsync();

        var onHand = await Api.OnHandAsync(catalog, item, location);
        var ledger = await Api.MovementCountAsync(catalog, item);
        var name = fault switch { Fault.Cut => "db-connections-cut", Fault.Freeze => $"db-frozen-{faultSeconds}s", _ => $"db-stopped-{faultSeconds}s" };
        return $"{name}: requests={writes.Tally.Requests + reads.Requests} writes=[{writes.Tally.Statuses}] reads=[{reads.Statuses}] " +
               $"health=[{health.Statuses} slowest={health.Slowest.TotalSeconds:F1}s] settled=[{writes.Settling.Statuses}] " +
               $"slowest={Math.Max(writes.Tally.Slowest.TotalSeconds, reads.Slowest.TotalSeconds):F1}s " +
               $"duplicates={ledger - writes.AcknowledgedWrites} lost-updates={writes.Acknowledged - onHand} " +
               $"recovery=writes {writes.Tally.FailingFor(faultEnd)}s reads {reads.FailingFor(faultEnd)}s (fault end → last failure)";
    }

    /// <summary>Applies the fault; returns the drill clock's seconds when it ended.</summary>
    private static async Task<double> InjectAsync(Instance instance, Fault fault, string runDirectory, int faultSeconds)
    {
        switch (fault)
        {
            case Fault.Cut:
                for (var i = 0; i < 3; i++)
                {
                    await TerminateBackendsAsync(instance);
                    await Task.Delay(TimeSpan.FromSeconds(faultSeconds / 3.0));
                }
                return Tally.Clock.Elapsed.TotalSeconds - faultSeconds / 3.0;
            case Fault.Freeze:
                var frozen = instance.PostgresProcesses();
                foreach (var p in frozen)
                    p.Signal("STOP");
                await Task.Delay(TimeSpan.FromSeconds(faultSeconds));
                foreach (var p in frozen)
                    p.Signal("CONT");
                return Tally.Clock.Elapsed.TotalSeconds;
            default:
                var postmaster = instance.PostgresProcesses().Single(p => p.CommandLine.Contains("-D"));
                postmaster.Signal("INT"); // fast shutdown: sessions end, the server exits
                await Task.Delay(TimeSpan.FromSeconds(faultSeconds));
                while (postmaster.IsAlive)
                    await Task.Delay(100);
                postmaster.Respawn(runDirectory, "postgres");
                return Tally.Clock.Elapsed.TotalSeconds;
        }
    }

    private static async Task TerminateBackendsAsync(Instance instance)
    {
        await using var connection = new NpgsqlConnection(instance.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select count(pg_terminate_backend(pid)) from pg_stat_activity where pid <> pg_backend_pid() and datname in ('catalogdb', 'procurementdb', 'webdb')", connection);
        await command.ExecuteScalarAsync();
    }
}
