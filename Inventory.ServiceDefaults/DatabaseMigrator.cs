using Inventory.ServiceDefaults.Kit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Inventory.ServiceDefaults;

/// <summary>
/// At start, applies the committed EF Core migrations in the background, retrying until the database answers,
/// and keeps the service's readiness (/health) unhealthy until they are applied, so no traffic is
/// routed to a service whose schema is behind. The process itself stays alive (/alive) meanwhile.
/// With <c>Database:MigrateAtStart=false</c> (migrations run as a pipeline step, the <c>migrate</c> command) it
/// applies nothing: it only watches until the schema is current, and readiness names what is pending until then.
/// Replicas starting together apply each migration once: see <see cref="MigrateWithLockAsync"/>.
/// </summary>
public sealed class DatabaseMigrator<TContext>(
    DatabaseMigration<TContext> migration, MigrationStatus<TContext> status, IConfiguration configuration,
    ILogger<DatabaseMigrator<TContext>> logger)
    : BackgroundService where TContext : DbContext
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan MigrationCommandTimeout = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var migrateAtStart = configuration.GetValue(DatabaseMigratorExtensions.MigrateAtStartSetting, true);
        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (migrateAtStart ? await MigrateAsync(stoppingToken) : await SchemaIsCurrentAsync(stoppingToken))
                {
                    status.Completed = true;
                    return;
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Migrating {Context} failed; retrying in {Delay}", typeof(TContext).Name, delay);
            }
            await Task.Delay(delay, stoppingToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxDelay.Ticks));
        }
    }

    private async Task<bool> MigrateAsync(CancellationToken ct)
    {
        var applied = await migration.ApplyAsync(ct);
        if (applied.Count > 0)
            logger.LogInformation("Applied {Count} migration(s) to {Context}: {Migrations}", applied.Count, typeof(TContext).Name, applied);
        return true;
    }

    /// <summary>
    /// Whether someone else (the migrate command) has applied every migration. Until then what is pending is named
    /// in readiness and the log, and the loop looks again: the service becomes ready without a restart.
    /// </summary>
    private async Task<bool> SchemaIsCurrentAsync(CancellationToken ct)
    {
        var pending = await migration.PendingAsync(ct);
        status.Pending = pending;
        if (pending.Count == 0)
            return true;
        logger.LogWarning("{Context} has {Count} pending migration(s) and {Setting} is false: not ready until the migrate command applies {Migrations}",
            typeof(TContext).Name, pending.Count, DatabaseMigratorExtensions.MigrateAtStartSetting, pending);
        return false;
    }

    /// <summary>
    /// Migrates while holding a session-level advisory lock on a connection of its own, and returns the migrations
    /// this call applied (read under the lock, so a replica never reports another's work). The Npgsql provider's
    /// own migration lock lasts one migration's transaction, so with several pending migrations a replica that
    /// read the history earlier would re-apply one another replica just committed. Holding this lock across the
    /// whole run makes the others wait, then find nothing left to apply.
    /// </summary>
    public static async Task<IReadOnlyList<string>> MigrateWithLockAsync(TContext context, CancellationToken ct)
    {
        await using (await SessionLock.TakeAsync(context.Database.GetConnectionString()!, typeof(TContext).FullName!, ct))
        {
            var pending = (await context.Database.GetPendingMigrationsAsync(ct)).ToList();
            if (pending.Count == 0)
                return [];
            // Migrating may take longer than a request's database budget.
            context.Database.SetCommandTimeout(MigrationCommandTimeout);
            await context.Database.MigrateAsync(ct);
            return pending;
        }
    }
}

/// <summary>Whether <typeparamref name="TContext"/>'s migrations have been applied by this process.</summary>
public sealed class MigrationStatus<TContext> where TContext : DbContext
{
    public volatile bool Completed;

    /// <summary>What was pending at the last look, when this process does not migrate at start.</summary>
    public volatile IReadOnlyList<string> Pending = [];
}

internal sealed class MigrationHealthCheck<TContext>(MigrationStatus<TContext> status) : IHealthCheck where TContext : DbContext
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(status.Completed
            ? HealthCheckResult.Healthy()
            : new HealthCheckResult(context.Registration.FailureStatus, status.Pending is { Count: > 0 } pending
                ? $"Pending migrations (run the migrate command): {string.Join(", ", pending)}."
                : "Database migrations have not been applied yet."));
}

public static class DatabaseMigratorExtensions
{
    /// <summary>false: the service never migrates; a pipeline runs the <c>migrate</c> command before rolling out.</summary>
    public const string MigrateAtStartSetting = "Database:MigrateAtStart";

    public const string HealthCheckName = "database-migrations";

    public static IServiceCollection AddDatabaseMigrator<TContext>(this IServiceCollection services) where TContext : DbContext
    {
        services.AddSingleton<MigrationStatus<TContext>>();
        services.AddSingleton<DatabaseMigration<TContext>>();
        // The migrate command applies every database a service registered, the same way as at start.
        services.AddSingleton<IDatabaseMigration>(sp => sp.GetRequiredService<DatabaseMigration<TContext>>());
        services.AddHostedService<DatabaseMigrator<TContext>>();
        services.AddHealthChecks().AddCheck<MigrationHealthCheck<TContext>>(HealthCheckName);
        return services;
    }
}
