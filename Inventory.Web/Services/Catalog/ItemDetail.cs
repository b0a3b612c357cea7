namespace Inventory.Web.Services.Catalog;

/// <summary>An item with its stock per location and its latest movements (<c>ItemDetailDto</c>).</summary>
public sealed record ItemDetail(Guid Id, string Sku, string Name, string? Description, string Unit, decimal UnitCost,
    decimal ReorderPoint, decimal ReorderQuantity, bool IsArchived, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    Guid? CategoryId, string? CategoryPath, string? Barcode, Guid? PreferredSupplierId, decimal OnHand, int Version, bool IsLowStock,
    IReadOnlyList<LocationStock> Stock, IReadOnlyList<StockMovement> RecentMovements);
