using Inventory.ServiceDefaults.Kit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

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
        await using (await SessionLock.TakeAsync(context.Database.GetConnectionString()!, typeof(TContext).FullName!, ct))
        {
            // Migrating may take longer than a request's database budget.
            context.Database.SetCommandTimeout(MigrationCommandTimeout);
            await context.Database.MigrateAsync(ct);
        }
    }
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
