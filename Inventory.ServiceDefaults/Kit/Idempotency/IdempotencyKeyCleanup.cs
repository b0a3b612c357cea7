using Inventory.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Inventory.ServiceDefaults.Kit;

/// <summary>
/// Deletes remembered Idempotency-Keys once no client can still be retrying with them
/// (<c>Idempotency:RetentionDays</c>, default 7), hourly, so the table does not grow without end.
/// </summary>
public sealed class IdempotencyKeyCleanup<TContext>(
    IServiceScopeFactory scopes, MigrationStatus<TContext> migrations, TimeProvider clock,
    ILogger<IdempotencyKeyCleanup<TContext>> logger, TimeSpan retention) : BackgroundService where TContext : DbContext
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!migrations.Completed)
            await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var deleted = await PurgeAsync(stoppingToken);
                if (deleted > 0)
                    logger.LogInformation("Deleted {Count} idempotency keys older than {Retention}", deleted, retention);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Deleting old idempotency keys failed; will retry");
            }
            await Task.Delay(Interval, stoppingToken);
        }
    }

    /// <summary>Deletes the keys older than the retention; returns how many.</summary>
    public async Task<int> PurgeAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var cutoff = clock.GetUtcNow() - retention;
        return await db.Set<IdempotencyRecord>().Where(r => r.CreatedAt < cutoff).ExecuteDeleteAsync(ct);
    }
}

public static class IdempotencyKeyCleanupExtensions
{
    public static TBuilder AddIdempotencyKeyCleanup<TBuilder, TContext>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder where TContext : DbContext
    {
        var retention = TimeSpan.FromDays(builder.Configuration.GetValue("Idempotency:RetentionDays", 7.0));
        builder.Services.AddSingleton(sp => new IdempotencyKeyCleanup<TContext>(
            sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<MigrationStatus<TContext>>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<IdempotencyKeyCleanup<TContext>>>(), retention));
        builder.Services.AddHostedService(sp => sp.GetRequiredService<IdempotencyKeyCleanup<TContext>>());
        return builder;
    }
}
