namespace Inventory.Web.Services.Procurement;

/// <summary>Body of adding an item to a supplier (item id, no version) or changing its terms (no item id, the version read).</summary>
public sealed record SupplierItemWrite(Guid? ItemId, string? SupplierSku, decimal? UnitPrice, decimal? MinimumOrderQuantity,
    int? LeadTimeDays, bool IsPreferred, int? Version);
