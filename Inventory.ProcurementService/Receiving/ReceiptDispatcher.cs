using Inventory.ProcurementService.Catalog;
using Inventory.ProcurementService.Data;
using Inventory.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inventory.ProcurementService.Receiving;

/// <summary>
/// The outbox dispatcher: posts each unposted receipt line to the catalog as a receipt movement
/// (reference = PO number), retrying with backoff and jitter until the catalog confirms. Lines are claimed
/// with a lease (FOR UPDATE SKIP LOCKED), so several replicas share the work and a crash only delays a line.
/// The catalog applies a receipt line once however often it is posted, so a lost response is safe to retry.
/// </summary>
public sealed class ReceiptDispatcher(
    IServiceScopeFactory scopes, ReceiptSignal signal, MigrationStatus<ProcurementDbContext> migrations,
    IOptions<ReceivingOptions> options, TimeProvider clock, ILogger<ReceiptDispatcher> logger) : BackgroundService
{
    // Columns map by the snake_case naming convention (item_id → ItemId).
    private sealed record ClaimedLine(Guid Id, Guid ItemId, Guid LocationId, decimal Quantity, string Reference, int Attempts);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!migrations.Completed)
            await Task.Delay(TimeSpan.FromMilliseconds(200), stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            var posted = 0;
            try
            {
                posted = await DispatchBatchAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Dispatching receipts failed; will retry");
            }
            if (posted == 0)
                await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
        }
    }

    /// <summary>Claims and posts one batch of due lines; returns how many were claimed.</summary>
    public async Task<int> DispatchBatchAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProcurementDbContext>();
        var catalog = scope.ServiceProvider.GetRequiredService<CatalogReceiptsClient>();
        var settings = options.Value;
        var now = clock.DatabaseNow();

        var claimed = await db.Database.SqlQuery<ClaimedLine>($"""
            UPDATE receipt_lines SET next_attempt_at = {now + settings.ClaimLease}
            WHERE id IN (
                SELECT id FROM receipt_lines
                WHERE posted_at IS NULL AND next_attempt_at <= {now}
                ORDER BY next_attempt_at
                LIMIT {settings.BatchSize}
                FOR UPDATE SKIP LOCKED)
            RETURNING id, item_id, location_id, quantity, reference, attempts
            """).ToListAsync(ct);

        foreach (var line in claimed)
            await PostAsync(db, catalog, line, ct);
        return claimed.Count;
    }

    private async Task PostAsync(ProcurementDbContext db, CatalogReceiptsClient catalog, ClaimedLine line, CancellationToken ct)
    {
        string? error;
        try
        {
            (var posted, error) = await catalog.PostReceiptAsync(
                new CatalogReceipt(line.Id, line.ItemId, line.LocationId, line.Quantity, line.Reference), ct);
            if (posted)
            {
                var at = clock.DatabaseNow();
                await db.ReceiptLines.Where(l => l.Id == line.Id).ExecuteUpdateAsync(l => l
                    .SetProperty(x => x.PostingState, PostingState.Posted).SetProperty(x => x.PostedAt, at)
                    .SetProperty(x => x.Attempts, x => x.Attempts + 1).SetProperty(x => x.LastError, (string?)null), ct);
                logger.LogInformation("Posted receipt line {ReceiptLineId} ({Reference}) to the catalog", line.Id, line.Reference);
                return;
            }
        }
        catch (CatalogUnavailableException ex)
        {
            error = ex.InnerException?.Message ?? ex.Message;
        }

        var attempts = line.Attempts + 1;
        var lastError = Truncate(error);
        var settings = options.Value;
        var next = clock.DatabaseNow() + RetrySchedule.Delay(attempts, settings.InitialRetryDelay, settings.MaxRetryDelay, Random.Shared.NextDouble());
        await db.ReceiptLines.Where(l => l.Id == line.Id).ExecuteUpdateAsync(l => l
            .SetProperty(x => x.PostingState, PostingState.Failing).SetProperty(x => x.Attempts, attempts)
            .SetProperty(x => x.LastError, lastError).SetProperty(x => x.NextAttemptAt, next), ct);
        logger.LogWarning("Posting receipt line {ReceiptLineId} failed (attempt {Attempts}), next try at {Next}: {Error}", line.Id, attempts, next, error);
    }

    private static string? Truncate(string? text) => text is { Length: > 1000 } ? text[..1000] : text;
}
