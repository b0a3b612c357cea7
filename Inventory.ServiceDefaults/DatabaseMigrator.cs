using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Inventory.ServiceDefaults;

/// <summary>
/// Applies the committed EF Core migrations in the background, retrying until the database answers,
/// and keeps the service's readiness (/health) unhealthy until they are applied, so no traffic is
/// routed to a service whose schema is behind. The process itself stays alive (/alive) meanwhile.
/// Replicas starting together apply each migration once: see <see cref="MigrateWithLockAsync"/>.
/// </summary>
public sealed class DatabaseMigrator<TContext>(
    IServiceProvider services, MigrationStatus<TContext> status, ILogger<DatabaseMigrator<TContext>> logger)
    : BackgroundService where TContext : DbContext
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan MigrationCommandTimeout = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await MigrateAsync(stoppingToken);
                status.Completed = true;
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Migrating {Context} failed; retrying in {Delay}", typeof(TContext).Name, delay);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxDelay.Ticks));
            }
        }
    }

    private async Task MigrateAsync(CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<TContext>();
        var pending = (await context.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count == 0)
            return;

        logger.LogInformation("Applying {Count} migration(s) to {Context}: {Migrations}", pending.Count, typeof(TContext).Name, pending);
        await MigrateWithLockAsync(context, ct);
    }

    /// <summary>
    /// Migrates while holding a session-level advisory lock on a connection of its own. The Npgsql provider's
    /// own migration lock lasts one migration's transaction, so with several pending migrations a replica that
    /// read the history earlier would re-apply one another replica just committed. Holding this lock across the
    /// whole run makes the others wait, then find nothing left to apply.
    /// </summary>
    public static async Task MigrateWithLockAsync(TContext context, CancellationToken ct)
    {
        await using var lockConnection = new NpgsqlConnection(context.Database.GetConnectionString());
        await lockConnection.OpenAsync(ct);
        var key = LockKey();
        // Waiting for another replica's migrations, and migrating, may take longer than a request's database budget.
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock($1)", lockConnection) { Parameters = { new() { Value = key } }, CommandTimeout = 0 })
            await take.ExecuteNonQueryAsync(ct);
        try
        {
            context.Database.SetCommandTimeout(MigrationCommandTimeout);
            await context.Database.MigrateAsync(ct);
        }
        finally
        {
            await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", lockConnection) { Parameters = { new() { Value = key } } };
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    // Stable across processes (string.GetHashCode is not): the first 8 bytes of SHA-256 of the context's name.
    private static long LockKey() =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes(typeof(TContext).FullName!)), 0);
}

/// <summary>Whether <typeparamref name="TContext"/>'s migrations have been applied by this process.</summary>
public sealed class MigrationStatus<TContext> where TContext : DbContext
{
    public volatile bool Completed;
}

internal sealed class MigrationHealthCheck<TContext>(MigrationStatus<TContext> status) : IHealthCheck where TContext : DbContext
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(status.Completed
            ? HealthCheckResult.Healthy()
            : new HealthCheckResult(context.Registration.FailureStatus, "Database migrations have not been applied yet."));
}

public static class DatabaseMigratorExtensions
{
    public static IServiceCollection AddDatabaseMigrator<TContext>(this IServiceCollection services) where TContext : DbContext
    {
        services.AddSingleton<MigrationStatus<TContext>>();
        services.AddHostedService<DatabaseMigrator<TContext>>();
        services.AddHealthChecks().AddCheck<MigrationHealthCheck<TContext>>("database-migrations");
        return services;
    }
}
