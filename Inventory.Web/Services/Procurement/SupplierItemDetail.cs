namespace Inventory.Web.Services.Procurement;

/// <summary>A supplier's terms for one catalog item.</summary>
public sealed record SupplierItemDetail(Guid Id, Guid SupplierId, Guid ItemId, string ItemSku, string ItemName, string? SupplierSku,
    decimal UnitPrice, decimal MinimumOrderQuantity, int? LeadTimeDays, bool IsPreferred, int Version);
