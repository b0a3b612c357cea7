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
/// A line the catalog refuses for good is <see cref="PostingState.Rejected"/> and left for a person; while the
/// catalog cannot be reached at all, <see cref="CatalogReturnWatch"/> probes it and wakes the waiting lines on its return.
/// </summary>
public sealed class ReceiptDispatcher(
    IServiceScopeFactory scopes, ReceiptSignal signal, CatalogReturnWatch catalogReturn, MigrationStatus<ProcurementDbContext> migrations,
    IOptions<ReceivingOptions> options, TimeProvider clock, ILogger<ReceiptDispatcher> logger) : BackgroundService
{
    // Columns map by the snake_case naming convention (item_id → ItemId).
    private sealed record ClaimedLine(Guid Id, Guid ItemId, Guid LocationId, decimal Quantity, string Reference, int Attempts,
        string ReceivedBy, DateTimeOffset ReceivedAt);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!migrations.Completed)
            await Task.Delay(TimeSpan.FromMilliseconds(200), stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            var waitingForCatalog = false;
            try
            {
                claimed = await DispatchBatchAsync(stoppingToken);
                if (claimed == 0)
                    waitingForCatalog = await catalogReturn.WakeIfBackAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Dispatching receipts failed; will retry");
            }
            if (claimed == 0)
            {
                var settings = options.Value;
                await signal.WaitAsync(waitingForCatalog ? settings.CatalogProbeInterval : settings.PollInterval, stoppingToken);
            }
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
        var rejected = nameof(PostingState.Rejected);

        // A claimed line is in flight, not waiting for the catalog: the watch leaves it alone until this attempt ends.
        var claimed = await db.SqlRowsAsync<ClaimedLine>($"""
            UPDATE receipt_lines SET next_attempt_at = {now + settings.ClaimLease}, awaiting_catalog = FALSE
            WHERE id IN (
                SELECT id FROM receipt_lines
                WHERE posted_at IS NULL AND posting_state <> {rejected} AND next_attempt_at <= {now}
                ORDER BY next_attempt_at
                LIMIT {settings.BatchSize}
                FOR UPDATE SKIP LOCKED)
            RETURNING id, item_id, location_id, quantity, reference, attempts,
                      (SELECT r.received_by FROM receipts r WHERE r.id = receipt_lines.receipt_id) AS received_by,
                      (SELECT r.received_at FROM receipts r WHERE r.id = receipt_lines.receipt_id) AS received_at
            """, ct);

        foreach (var line in claimed)
            await PostAsync(db, catalog, line, ct);
        return claimed.Count;
    }

    private async Task PostAsync(ProcurementDbContext db, CatalogReceiptsClient catalog, ClaimedLine line, CancellationToken ct)
    {
        ReceiptPostResult result;
        var unreachable = false;
        try
        {
            result = await catalog.PostReceiptAsync(new CatalogReceipt(line.Id, line.ItemId, line.LocationId, line.Quantity, line.Reference,
                line.ReceivedBy, line.ReceivedAt), ct);
        }
        catch (CatalogUnavailableException ex)
        {
            result = new(ReceiptPostStatus.Failed, ex.InnerException?.Message ?? ex.Message);
            unreachable = true;
        }

        var attempts = line.Attempts + 1;
        var lines = db.ReceiptLines.Where(l => l.Id == line.Id);
        switch (result.Status)
        {
            case ReceiptPostStatus.Posted:
                var at = clock.DatabaseNow();
                await lines.ExecuteUpdateAsync(l => l
                    .SetProperty(x => x.PostingState, PostingState.Posted).SetProperty(x => x.PostedAt, at)
                    .SetProperty(x => x.Attempts, attempts).SetProperty(x => x.LastError, (string?)null), ct);
                logger.LogInformation("Posted receipt line {ReceiptLineId} ({Reference}) to the catalog", line.Id, line.Reference);
                return;
            case ReceiptPostStatus.Refused:
                var reason = Truncate(result.Error);
                await lines.ExecuteUpdateAsync(l => l
                    .SetProperty(x => x.PostingState, PostingState.Rejected).SetProperty(x => x.Attempts, attempts)
                    .SetProperty(x => x.LastError, reason), ct);
                logger.LogWarning("The catalog refused receipt line {ReceiptLineId} ({Reference}); it waits for a person to resolve it: {Reason}",
                    line.Id, line.Reference, reason);
                return;
            default:
                var lastError = Truncate(result.Error);
                var settings = options.Value;
                var next = clock.DatabaseNow() + RetrySchedule.Delay(attempts, settings.InitialRetryDelay, settings.MaxRetryDelay, Random.Shared.NextDouble());
                await lines.ExecuteUpdateAsync(l => l
                    .SetProperty(x => x.PostingState, PostingState.Failing).SetProperty(x => x.Attempts, attempts)
                    .SetProperty(x => x.LastError, lastError).SetProperty(x => x.NextAttemptAt, next)
                    .SetProperty(x => x.AwaitingCatalog, unreachable), ct);
                logger.LogWarning("Posting receipt line {ReceiptLineId} failed (attempt {Attempts}), next try at {Next}{Probe}: {Error}",
                    line.Id, attempts, next, unreachable ? " or when the catalog is back" : "", result.Error);
                return;
        }
    }

    private static string? Truncate(string? text) => text is { Length: > 1000 } ? text[..1000] : text;
}
