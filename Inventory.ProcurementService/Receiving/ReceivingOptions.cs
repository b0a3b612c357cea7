namespace Inventory.ProcurementService.Receiving;

/// <summary>Receiving and posting settings (section <c>Receiving</c>).</summary>
public sealed class ReceivingOptions
{
    public const string Section = "Receiving";

    /// <summary>How far past the ordered quantity a line may be received, in percent (0: not at all).</summary>
    public decimal OverReceiptTolerancePercent { get; set; }

    /// <summary>How often the dispatcher looks for receipt lines to post when nothing wakes it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>First retry delay after a failed post; doubled each attempt (with jitter) up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a claimed line is reserved for one dispatcher before another may try it (crash safety).</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);

    public int BatchSize { get; set; } = 20;

    /// <summary>
    /// While lines wait because the catalog could not be reached, how often the dispatcher asks the catalog's
    /// <c>/health</c> whether it is back; when it is, those lines are due at once (their backoff no longer applies).
    /// </summary>
    public TimeSpan CatalogProbeInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one probe may take; a catalog that does not answer in time counts as still away.</summary>
    public TimeSpan CatalogProbeTimeout { get; set; } = TimeSpan.FromSeconds(2);
}
