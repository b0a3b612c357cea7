using Inventory.CatalogService.Stock;

namespace Inventory.CatalogService.Items;

/// <summary>The editable fields of an item: a create, and the CSV import's rows.</summary>
public record CreateItemRequest
{
    public string? Sku { get; init; }
    public string? Name { get; init; }
    public string? Description { get; init; }
    public string? Unit { get; init; }
    public decimal? UnitCost { get; init; }
    public decimal? ReorderPoint { get; init; }
    public decimal? ReorderQuantity { get; init; }
    public Guid? CategoryId { get; init; }
    public string? Barcode { get; init; }
    public Guid? PreferredSupplierId { get; init; }
}

/// <summary>Replaces every editable field; <see cref="Version"/> is the version the client read.</summary>
public sealed record UpdateItemRequest : CreateItemRequest
{
    public int? Version { get; init; }
}

public record ItemDto
{
    public Guid Id { get; init; }
    public string Sku { get; init; } = "";
    public string Name { get; init; } = "";
    public string? Description { get; init; }
    public string Unit { get; init; } = "";
    public decimal UnitCost { get; init; }
    public decimal ReorderPoint { get; init; }
    public decimal ReorderQuantity { get; init; }
    public bool IsArchived { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public Guid? CategoryId { get; init; }
    public string? CategoryPath { get; init; }
    public string? Barcode { get; init; }
    public Guid? PreferredSupplierId { get; init; }
    public decimal OnHand { get; init; }

    /// <summary>
    /// In a list filtered by location: the quantity at that location and the locations under it (<see cref="OnHand"/>
    /// stays the item's total). Absent otherwise.
    /// </summary>
    public decimal? LocationOnHand { get; init; }

    public int Version { get; init; } = 1;

    public static ItemDto From(Item item, string? categoryPath) => new()
    {
        Id = item.Id, Sku = item.Sku, Name = item.Name, Description = item.Description, Unit = item.Unit,
        UnitCost = item.UnitCost, ReorderPoint = item.ReorderPoint, ReorderQuantity = item.ReorderQuantity,
        IsArchived = item.IsArchived, CreatedAt = item.CreatedAt, UpdatedAt = item.UpdatedAt, CategoryId = item.CategoryId,
        CategoryPath = categoryPath, Barcode = item.Barcode, PreferredSupplierId = item.PreferredSupplierId, OnHand = item.OnHand,
        Version = item.Version,
    };
}

/// <summary>An item with its stock per location and its latest movements.</summary>
public sealed record ItemDetailDto : ItemDto
{
    public bool IsLowStock { get; init; }
    public IReadOnlyList<StockLevelDto> Stock { get; init; } = [];
    public IReadOnlyList<MovementDto> RecentMovements { get; init; } = [];

    public ItemDetailDto()
    {
    }

    public ItemDetailDto(ItemDto item, IReadOnlyList<StockLevelDto> stock, IReadOnlyList<MovementDto> recentMovements) : base(item)
    {
        IsLowStock = item.OnHand <= item.ReorderPoint;
        Stock = stock;
        RecentMovements = recentMovements;
    }
}
