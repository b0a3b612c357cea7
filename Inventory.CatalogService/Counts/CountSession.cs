namespace Inventory.CatalogService.Counts;

/// <summary>A cycle count of one location (all its items, or a chosen set).</summary>
public sealed class CountSession
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid LocationId { get; init; }
    public required string Status { get; set; }
    /// <summary>Expected quantities are hidden from roles below Manager while the count is open.</summary>
    public bool Blind { get; init; }
    public string? Note { get; init; }
    public required string OpenedBy { get; init; }
    public DateTimeOffset OpenedAt { get; init; }
    public string? ClosedBy { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public List<CountLine> Lines { get; init; } = [];
}

/// <summary>One item of a count: the snapshot taken when it joined the count, and what was counted.</summary>
public sealed class CountLine
{
    public Guid SessionId { get; init; }
    public Guid ItemId { get; init; }
    /// <summary>On hand at the location when the line was created.</summary>
    public decimal SnapshotQuantity { get; init; }
    /// <summary>The ledger position of that snapshot: movements of this item here with a higher seq came after it.</summary>
    public long SnapshotSeq { get; init; }
    public decimal? CountedQuantity { get; set; }
    public string? CountedBy { get; set; }
    public DateTimeOffset? CountedAt { get; set; }
    /// <summary>Set when posted: the variance booked (0 when none was needed).</summary>
    public decimal? PostedVariance { get; set; }
}

public static class CountStatuses
{
    public const string Open = "open";
    public const string Posted = "posted";
    public const string Cancelled = "cancelled";

    public static readonly string[] All = [Open, Posted, Cancelled];
}
