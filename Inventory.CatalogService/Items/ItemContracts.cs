using Inventory.CatalogService.Stock;

namespace Inventory.CatalogService.Items;

/// <summary>The editable fields of an item, shared by create, update and CSV import.</summary>
public interface IItemFields
{
    string? Sku { get; }
    string? Name { get; }
    string? Description { get; }
    string? Unit { get; }
    decimal? UnitCost { get; }
    decimal? ReorderPoint { get; }
    decimal? ReorderQuantity { get; }
    Guid? CategoryId { get; }
    string? Barcode { get; }
    Guid? PreferredSupplierId { get; }
}

public sealed record CreateItemRequest(
    string? Sku,
    string? Name,
    string? Description,
    string? Unit,
    decimal? UnitCost,
    decimal? ReorderPoint,
    decimal? ReorderQuantity,
    Guid? CategoryId = null,
    string? Barcode = null,
    Guid? PreferredSupplierId = null) : IItemFields;

/// <summary>Replaces every editable field; <see cref="Version"/> is the version the client read.</summary>
public sealed record UpdateItemRequest(
    string? Sku,
    string? Name,
    string? Description,
    string? Unit,
    decimal? UnitCost,
    decimal? ReorderPoint,
    decimal? ReorderQuantity,
    Guid? CategoryId,
    string? Barcode,
    Guid? PreferredSupplierId,
    int? Version) : IItemFields;

public sealed record ItemDto(
    Guid Id,
    string Sku,
    string Name,
    string? Description,
    string Unit,
    decimal UnitCost,
    decimal ReorderPoint,
    decimal ReorderQuantity,
    bool IsArchived,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    Guid? CategoryId = null,
    string? CategoryPath = null,
    string? Barcode = null,
    Guid? PreferredSupplierId = null,
    decimal OnHand = 0,
    int Version = 1)
{
    public static ItemDto From(Item item, string? categoryPath) => new(item.Id, item.Sku, item.Name, item.Description, item.Unit,
        item.UnitCost, item.ReorderPoint, item.ReorderQuantity, item.IsArchived, item.CreatedAt, item.UpdatedAt,
        item.CategoryId, categoryPath, item.Barcode, item.PreferredSupplierId, item.OnHand, item.Version);
}

/// <summary>An item with its stock per location and its latest movements.</summary>
public sealed record ItemDetailDto(
    Guid Id,
    string Sku,
    string Name,
    string? Description,
    string Unit,
    decimal UnitCost,
    decimal ReorderPoint,
    decimal ReorderQuantity,
    bool IsArchived,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    Guid? CategoryId,
    string? CategoryPath,
    string? Barcode,
    Guid? PreferredSupplierId,
    decimal OnHand,
    int Version,
    bool IsLowStock,
    IReadOnlyList<StockLevelDto> Stock,
    IReadOnlyList<MovementDto> RecentMovements)
{
    public static ItemDetailDto From(ItemDto i, IReadOnlyList<StockLevelDto> stock, IReadOnlyList<MovementDto> movements) =>
        new(i.Id, i.Sku, i.Name, i.Description, i.Unit, i.UnitCost, i.ReorderPoint, i.ReorderQuantity, i.IsArchived,
            i.CreatedAt, i.UpdatedAt, i.CategoryId, i.CategoryPath, i.Barcode, i.PreferredSupplierId, i.OnHand, i.Version,
            i.OnHand <= i.ReorderPoint, stock, movements);
}
