namespace Inventory.CatalogService.Items;

/// <summary>A stocked item of the catalog.</summary>
public sealed class Item
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Stock-keeping unit as entered (trimmed); unique regardless of case.</summary>
    public required string Sku { get; set; }

    /// <summary>Upper-cased SKU, computed by the database; the unique index and SKU lookups use it.</summary>
    public string SkuNormalized { get; private set; } = "";

    public required string Name { get; set; }
    public string? Description { get; set; }
    public required string Unit { get; set; }
    public decimal UnitCost { get; set; }
    public decimal ReorderPoint { get; set; }
    public decimal ReorderQuantity { get; set; }
    public bool IsArchived { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}
