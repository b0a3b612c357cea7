namespace Inventory.CatalogService.Stock;

/// <summary>On-hand quantity of an item at a location. Changed only by movements, with an atomic guarded update.</summary>
public sealed class StockLevel
{
    public Guid ItemId { get; init; }
    public Guid LocationId { get; init; }
    public decimal OnHand { get; init; }
    /// <summary>The location's setting, copied so a CHECK can enforce on_hand &gt;= 0 unless allowed.</summary>
    public bool AllowsNegative { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}
