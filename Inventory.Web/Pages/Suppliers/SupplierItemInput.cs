using System.ComponentModel.DataAnnotations;

namespace Inventory.Web.Pages.Suppliers;

/// <summary>A supplier's terms for one catalog item. The item is chosen by SKU; the page looks up its id in the catalog.</summary>
public sealed class SupplierItemInput
{
    [Display(Name = "SKU")]
    public string? Sku { get; set; }

    [Display(Name = "Supplier's SKU")]
    public string? SupplierSku { get; set; }

    [Display(Name = "Unit price")]
    public decimal? UnitPrice { get; set; }

    [Display(Name = "Minimum order quantity")]
    public decimal? MinimumOrderQuantity { get; set; }

    [Display(Name = "Lead time (days)")]
    public int? LeadTimeDays { get; set; }

    [Display(Name = "Preferred supplier for this item")]
    public bool IsPreferred { get; set; }

    [HiddenInput]
    public int? Version { get; set; }

    [HiddenInput]
    public string? IdempotencyKey { get; set; } = FormKeys.New();

    public SupplierItemWrite ToWrite(Guid? itemId) =>
        new(itemId, SupplierSku, UnitPrice, MinimumOrderQuantity, LeadTimeDays, IsPreferred, Version);

    public static SupplierItemInput From(SupplierItemDetail item) => new()
    {
        Sku = item.ItemSku, SupplierSku = item.SupplierSku, UnitPrice = item.UnitPrice, MinimumOrderQuantity = item.MinimumOrderQuantity,
        LeadTimeDays = item.LeadTimeDays, IsPreferred = item.IsPreferred, Version = item.Version,
    };

    /// <summary>The API names the item by id; the form by SKU.</summary>
    public static FieldMap Fields => new FieldMap("Input").Rename("itemId", "sku");
}
