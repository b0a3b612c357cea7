using Inventory.LocalPostgres;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Inventory.AppHost.Postgres;

/// <summary>
/// Stops the local PostgreSQL server with a fast shutdown when the AppHost stops. The orchestrator's own stop is a
/// SIGTERM, which PostgreSQL takes as a "smart" shutdown that waits for every client to leave; the services are
/// still connected, so the orchestrator ends up killing it, and every next start ran crash recovery (~1.5 s) and
/// lost the planner statistics. Registered after Aspire's own hosted services, so it stops before they do.
/// </summary>
internal sealed class LocalPostgresShutdown(string binDirectory, string clusterDirectory, ILogger<LocalPostgresShutdown> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (await PostgresCluster.StopFastAsync(binDirectory, clusterDirectory, cancellationToken))
                logger.LogInformation("Stopped PostgreSQL on {Directory} (fast shutdown)", clusterDirectory);
        }
        catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException)
        {
            // The orchestrator stops it anyway; the next start then recovers from the log as before.
            logger.LogWarning(ex, "Could not stop PostgreSQL on {Directory} cleanly", clusterDirectory);
        }
    }
}
