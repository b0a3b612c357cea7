namespace Inventory.CatalogService.Stock;

public sealed record StockLevelDto(Guid ItemId, string Sku, Guid LocationId, string LocationCode, string LocationPath, decimal OnHand, DateTimeOffset UpdatedAt,
    string LocationName);

public record MovementDto(
    Guid Id, long Seq, Guid ItemId, Guid LocationId, decimal Quantity, decimal BalanceAfter, string Type, string? ReasonCode,
    string? Reference, string? Note, string UserId, DateTimeOffset OccurredAt, Guid? OperationId, Guid? CountSessionId, Guid? ReceiptLineId,
    string? Channel = null, DateTimeOffset? ActedAt = null)
{
    public static MovementDto From(Movement m) => new(m.Id, m.Seq, m.ItemId, m.LocationId, m.Quantity, m.BalanceAfter, m.Type,
        m.ReasonCode, m.Reference, m.Note, m.UserId, m.OccurredAt, m.OperationId, m.CountSessionId, m.ReceiptLineId, m.Channel, m.ActedAt);
}

/// <summary>A movement as the ledger list shows it: with the item's SKU, name and unit and the location's code and path.</summary>
public sealed record LedgerRowDto : MovementDto
{
    public LedgerRowDto(MovementDto movement, string sku, string itemName, string unit, string locationCode, string locationPath) : base(movement)
    {
        (Sku, ItemName, Unit, LocationCode, LocationPath) = (sku, itemName, unit, locationCode, locationPath);
    }

    public string Sku { get; }
    public string ItemName { get; }
    public string Unit { get; }
    public string LocationCode { get; }
    public string LocationPath { get; }
}

/// <summary>A receipt (by a user) or an issue: one item, one location, a positive quantity.</summary>
public sealed record StockChangeRequest(Guid? ItemId, Guid? LocationId, decimal? Quantity, string? Reference, string? Note);

/// <summary>A signed correction with the reason it was needed.</summary>
public sealed record AdjustmentRequest(Guid? ItemId, Guid? LocationId, decimal? Quantity, string? ReasonCode, string? Reference, string? Note);

public sealed record TransferRequest(Guid? ItemId, Guid? FromLocationId, Guid? ToLocationId, decimal? Quantity, string? Reference, string? Note);

/// <summary>What procurement's outbox posts for each received purchase-order line.</summary>
/// <summary>A purchase-order line received in procurement; <c>ReceivedAt</c> is when the person received it (the posting may come later).</summary>
public sealed record ReceiptRequest(Guid? ReceiptLineId, Guid? ItemId, Guid? LocationId, decimal? Quantity, string? Reference,
    DateTimeOffset? ReceivedAt = null);

/// <summary>The movements one request wrote (one, or the two legs of a transfer).</summary>
public sealed record MovementResult(Guid OperationId, IReadOnlyList<MovementDto> Movements);

public sealed record LowStockDto(Guid ItemId, string Sku, string Name, string Unit, decimal OnHand, decimal ReorderPoint,
    decimal ReorderQuantity, Guid? PreferredSupplierId, string? CategoryPath);

public sealed record DashboardDto(
    int ItemCount,
    decimal StockValue,
    int LowStockCount,
    int MovementsToday,
    IReadOnlyList<CategoryValueDto> StockValueByCategory,
    IReadOnlyList<DailyMovementsDto> MovementsPerDay,
    IReadOnlyList<TopMoverDto> TopMovers,
    IReadOnlyList<DailyValueDto> ValueTrend);

/// <summary>Stock value under a top-level category (null: items without a category).</summary>
public sealed record CategoryValueDto(Guid? CategoryId, string Category, decimal Value);

public sealed record DailyMovementsDto(DateOnly Date, int Count);

/// <summary>An item among the most moved of the last 30 days: how many movements, and the units they moved (both signs).</summary>
public sealed record TopMoverDto(Guid ItemId, string Sku, string Name, string Unit, int Movements, decimal UnitsMoved);

/// <summary>The stock value at the end of a UTC day (at today's unit costs).</summary>
public sealed record DailyValueDto(DateOnly Date, decimal Value);
