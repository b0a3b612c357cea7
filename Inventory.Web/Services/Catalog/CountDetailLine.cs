namespace Inventory.Web.Services.Catalog;

/// <summary>An item of a count: its snapshot, what moved since, what was counted and the variance.</summary>
public sealed record CountDetailLine(Guid ItemId, string Sku, string Name, string Unit, decimal? SnapshotQuantity, decimal? MovementsSinceSnapshot,
    decimal? ExpectedQuantity, decimal? CountedQuantity, decimal? Variance, string? CountedBy, DateTimeOffset? CountedAt);
