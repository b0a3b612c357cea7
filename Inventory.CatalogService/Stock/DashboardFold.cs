using Inventory.CatalogService.Data;
using Inventory.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace Inventory.CatalogService.Stock;

/// <summary>
/// Folds the dashboard's change log (<c>stock_value_changes</c>) into the per-category totals every
/// <c>Dashboard:FoldInterval</c>, so the log stays small and the first dashboard read after a busy period with nobody
/// on the dashboard does not pay for the whole period (<see cref="DashboardRollupSql.Fold"/>). The dashboard's read
/// still folds what is left, so its figures are exact whenever this last ran. Each batch is its own transaction under
/// the fold's advisory lock: with several catalog replicas one folds at a time, and a tick that finds the lock taken
/// skips. A failure (the database down, a deadlock with a reset) is logged and the next tick tries again.
/// </summary>
public sealed class DashboardFold(
    IServiceScopeFactory scopes, MigrationStatus<CatalogDbContext> migrations, TimeProvider clock, ILogger<DashboardFold> logger,
    TimeSpan interval) : BackgroundService
{
    public const string IntervalSetting = "Dashboard:FoldInterval";

    /// <summary>Batches one tick folds at most, so a huge log is worked off over several ticks, never in one long run.</summary>
    public const int MaxBatchesPerTick = 20;

    public enum Outcome { Folded, LockTaken }

    public sealed record Result(Outcome Outcome, int Rows);

    private sealed record Batch(bool Mine, int Folded);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (!migrations.Completed)
                continue;
            try
            {
                var result = await FoldOnceAsync(stoppingToken);
                if (result.Rows > 0)
                    logger.LogDebug("Folded {Rows} dashboard changes into the category totals", result.Rows);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Folding the dashboard's change log failed; will retry in {Interval}", interval);
            }
        }
    }

    /// <summary>One tick's work: batches until the log is empty (or <see cref="MaxBatchesPerTick"/>), unless another session folds.</summary>
    public async Task<Result> FoldOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
        var rows = 0;
        for (var n = 0; n < MaxBatchesPerTick; n++)
        {
            var batch = (await db.SqlRowsRawAsync<Batch>(DashboardRollupSql.Fold, ct))[0];
            if (!batch.Mine)
                return new(Outcome.LockTaken, rows);
            rows += batch.Folded;
            if (batch.Folded < DashboardRollupSql.FoldBatch)
                break;
        }
        return new(Outcome.Folded, rows);
    }
}

public static class DashboardFoldExtensions
{
    /// <summary>The background fold, every <c>Dashboard:FoldInterval</c> (default 5 s; see docs/benchmarks.md for why).</summary>
    public static IHostApplicationBuilder AddDashboardFold(this IHostApplicationBuilder builder)
    {
        var interval = builder.Configuration.GetValue(DashboardFold.IntervalSetting, TimeSpan.FromSeconds(5));
        if (interval <= TimeSpan.Zero)
            throw new InvalidOperationException($"{DashboardFold.IntervalSetting} must be a positive time span (e.g. 00:00:05), not {interval}.");
        builder.Services.AddSingleton(sp => new DashboardFold(sp.GetRequiredService<IServiceScopeFactory>(),
            sp.GetRequiredService<MigrationStatus<CatalogDbContext>>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<DashboardFold>>(), interval));
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DashboardFold>());
        return builder;
    }
}
