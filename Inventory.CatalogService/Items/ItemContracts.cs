namespace Inventory.CatalogService.Items;

public sealed record CreateItemRequest(
    string? Sku,
    string? Name,
    string? Description,
    string? Unit,
    decimal? UnitCost,
    decimal? ReorderPoint,
    decimal? ReorderQuantity);

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
    DateTimeOffset UpdatedAt)
{
    public static ItemDto From(Item item) => new(item.Id, item.Sku, item.Name, item.Description, item.Unit,
        item.UnitCost, item.ReorderPoint, item.ReorderQuantity, item.IsArchived, item.CreatedAt, item.UpdatedAt);
}
