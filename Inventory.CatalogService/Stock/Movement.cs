namespace Inventory.CatalogService.Stock;

/// <summary>
/// A row of the append-only stock ledger. Never updated or deleted (a trigger refuses both); a correction is a
/// new movement.
/// </summary>
public sealed class Movement
{
    public Guid Id { get; init; }
    /// <summary>Ledger order. For one item it is also commit order: it is taken after the item's stock total is locked.</summary>
    public long Seq { get; init; }
    /// <summary>
    /// The writing transaction's id (PostgreSQL <c>xid8</c>, set by the database; 0 for rows older than the feed). The
    /// movements feed pages by (this, <see cref="Seq"/>) and serves only transactions older than every one still
    /// running, so a row that commits late can never land behind a reader's cursor (see <see cref="LedgerFeed"/>).
    /// </summary>
    public ulong TransactionId { get; init; }
    public Guid ItemId { get; init; }
    public Guid LocationId { get; init; }
    /// <summary>Signed: positive adds stock at the location, negative removes it.</summary>
    public decimal Quantity { get; init; }
    /// <summary>On hand at the location right after this movement.</summary>
    public decimal BalanceAfter { get; init; }
    public required string Type { get; init; }
    public string? ReasonCode { get; init; }
    public string? Reference { get; init; }
    public string? Note { get; init; }
    /// <summary>The person who did it: the caller, or the person a service booked it for (the receiver of a purchase order).</summary>
    public required string UserId { get; init; }
    /// <summary>The service that booked it (<c>service:procurement</c>); null when a person booked it through Web.</summary>
    public string? Channel { get; init; }
    /// <summary>When the person did it, where a service booked it later (a receipt posted after the catalog was away); else null.</summary>
    public DateTimeOffset? ActedAt { get; init; }
    /// <summary>The database's clock once the item's stock total was locked, so an item's movements in time order are in commit order.</summary>
    public DateTimeOffset OccurredAt { get; init; }
    public string? IdempotencyKey { get; init; }
    /// <summary>Groups the movements of one operation: both legs of a transfer, or the postings of one count.</summary>
    public Guid? OperationId { get; init; }
    public Guid? CountSessionId { get; init; }
    public Guid? ReceiptLineId { get; init; }
}

public static class MovementTypes
{
    public const string Receipt = "receipt";
    public const string Issue = "issue";
    public const string Adjustment = "adjustment";
    public const string TransferOut = "transfer_out";
    public const string TransferIn = "transfer_in";
    public const string Count = "count";

    public static readonly string[] All = [Receipt, Issue, Adjustment, TransferOut, TransferIn, Count];
}

/// <summary>Why stock was adjusted; an adjustment must name one.</summary>
public static class AdjustmentReasons
{
    public static readonly string[] All = ["damaged", "lost", "stolen", "found", "expired", "correction", "sample", "other"];
}
