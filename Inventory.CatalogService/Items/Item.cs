using Inventory.CatalogService.Categories;
using Inventory.CatalogService.Common;

namespace Inventory.CatalogService.Items;

/// <summary>A stocked item of the catalog.</summary>
public sealed class Item : IMasterData
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Stock-keeping unit as entered (trimmed); unique regardless of case.</summary>
    public string Sku { get; set; } = "";

    /// <summary>Upper-cased SKU, computed by the database; the unique index and SKU lookups use it.</summary>
    public string SkuNormalized { get; private set; } = "";

    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public Guid? CategoryId { get; set; }
    public Category? Category { get; set; }
    public string Unit { get; set; } = "";
    /// <summary>Optional and unique when given (EAN, UPC, Code 128 …).</summary>
    public string? Barcode { get; set; }
    public decimal UnitCost { get; set; }
    public decimal ReorderPoint { get; set; }
    public decimal ReorderQuantity { get; set; }
    /// <summary>A supplier of the procurement service (its id; procurement owns suppliers).</summary>
    public Guid? PreferredSupplierId { get; set; }

    /// <summary>Sum of the item's stock levels. Written only by the stock ledger's SQL, in the movement's transaction.</summary>
    public decimal OnHand { get; private set; }

    public bool IsArchived { get; set; }
    /// <summary>Optimistic concurrency: an update must name the version it read (a stale one gets 409).</summary>
    public int Version { get; set; } = 1;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Takes every editable field from a (valid) request, normalized as <see cref="ItemRules"/> says.</summary>
    public void Apply(CreateItemRequest request)
    {
        Sku = ItemRules.NormalizeSku(request.Sku!);
        Name = request.Name!.Trim();
        Unit = request.Unit!.Trim().ToLowerInvariant();
        Description = string.IsNullOrWhiteSpace(request.Description) ? null : request.Description.Trim();
        CategoryId = request.CategoryId;
        Barcode = ItemRules.NormalizeBarcode(request.Barcode);
        UnitCost = request.UnitCost ?? 0;
        ReorderPoint = request.ReorderPoint ?? 0;
        ReorderQuantity = request.ReorderQuantity ?? 0;
        PreferredSupplierId = request.PreferredSupplierId;
    }

    public Dictionary<string, object?> AuditFields() => new()
    {
        ["sku"] = Sku, ["name"] = Name, ["description"] = Description, ["categoryId"] = CategoryId, ["unit"] = Unit,
        ["barcode"] = Barcode, ["unitCost"] = UnitCost, ["reorderPoint"] = ReorderPoint, ["reorderQuantity"] = ReorderQuantity,
        ["preferredSupplierId"] = PreferredSupplierId, ["isArchived"] = IsArchived,
    };
}
