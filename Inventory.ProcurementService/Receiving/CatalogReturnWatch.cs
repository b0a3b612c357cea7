using Inventory.ProcurementService.Catalog;
using Inventory.ProcurementService.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inventory.ProcurementService.Receiving;

/// <summary>
/// Ends the wait for lines whose last post could not reach the catalog: their backoff may have grown to minutes
/// during an outage, but the catalog's return should bring the stock within seconds. While such lines exist, the
/// idle dispatcher asks here every <see cref="ReceivingOptions.CatalogProbeInterval"/>; one cheap probe of the
/// catalog's <c>/health</c> decides, and on success the lines are due now and the dispatcher is woken. Lines the
/// catalog did answer (with a transient error) keep their backoff: the catalog was there, and it said "later".
/// The state is in the database, so any replica may wake lines another one failed, and a restart forgets nothing.
/// </summary>
public sealed class CatalogReturnWatch(
    IServiceScopeFactory scopes, ReceiptSignal signal, IOptions<ReceivingOptions> options, TimeProvider clock, ILogger<CatalogReturnWatch> logger)
{
    /// <summary>Wakes the waiting lines if the catalog is back; returns whether lines still wait for it.</summary>
    public async Task<bool> WakeIfBackAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProcurementDbContext>();
        var waiting = db.ReceiptLines.Where(l => l.PostedAt == null && l.AwaitingCatalog && l.PostingState == PostingState.Failing);
        if (!await waiting.AnyAsync(ct))
            return false;

        var catalog = scope.ServiceProvider.GetRequiredService<CatalogReceiptsClient>();
        if (!await catalog.IsReadyAsync(options.Value.CatalogProbeTimeout, ct))
            return true;

        var now = clock.DatabaseNow();
        var woken = await waiting.ExecuteUpdateAsync(l => l.SetProperty(x => x.NextAttemptAt, now).SetProperty(x => x.AwaitingCatalog, false), ct);
        logger.LogInformation("The catalog is back: {Count} waiting receipt line(s) are due now", woken);
        signal.Notify();
        return false;
    }
}
