using System.ComponentModel.DataAnnotations;

namespace Inventory.Web.Pages.Items;

/// <summary>The item form. The catalog validates it; its errors come back keyed by these fields' JSON names.</summary>
public sealed class ItemInput : IKeyedInput
{
    public static readonly string[] Units = ["each", "box", "pack", "pair", "kg", "g", "m", "cm", "l", "ml"];

    [Display(Name = "SKU")]
    public string? Sku { get; set; }

    public string? Name { get; set; }
    public string? Description { get; set; }
    public string? Unit { get; set; } = "each";

    [Display(Name = "Unit cost")]
    public decimal? UnitCost { get; set; }

    [Display(Name = "Reorder point")]
    public decimal? ReorderPoint { get; set; }

    [Display(Name = "Reorder quantity")]
    public decimal? ReorderQuantity { get; set; }

    [Display(Name = "Category")]
    public Guid? CategoryId { get; set; }

    public string? Barcode { get; set; }

    /// <summary>Kept as it was read: the form does not edit it, and a PUT replaces every field.</summary>
    [HiddenInput, Display(Name = "Preferred supplier")]
    public Guid? PreferredSupplierId { get; set; }

    /// <summary>The version the form was loaded at (edit only): a save over someone else's change is refused.</summary>
    [HiddenInput]
    public int? Version { get; set; }

    [HiddenInput]
    public string? IdempotencyKey { get; set; } = FormKeys.New();

    public ItemWrite ToWrite() => new(Sku, Name, Description, Unit, UnitCost ?? 0, ReorderPoint ?? 0, ReorderQuantity ?? 0,
        CategoryId, string.IsNullOrWhiteSpace(Barcode) ? null : Barcode, PreferredSupplierId, Version);

    public static ItemInput From(ItemDetail i) => new()
    {
        Sku = i.Sku, Name = i.Name, Description = i.Description, Unit = i.Unit, UnitCost = i.UnitCost, ReorderPoint = i.ReorderPoint,
        ReorderQuantity = i.ReorderQuantity, CategoryId = i.CategoryId, Barcode = i.Barcode, PreferredSupplierId = i.PreferredSupplierId,
        Version = i.Version,
    };
}
