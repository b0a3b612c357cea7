namespace Inventory.ProcurementService.Suppliers;

/// <summary>
/// A supplier's details, to create one or (with <c>Version</c>, the one read; a stale one gets 409) to replace them.
/// </summary>
public sealed record SupplierRequest(string? Name, string? ContactName, string? Email, string? Phone, string? Address,
    string? Website, string? PaymentTerms, int? LeadTimeDays, string? Currency, string? Notes, int? Version = null);

public sealed record SupplierDto(
    Guid Id,
    string Name,
    string? ContactName,
    string? Email,
    string? Phone,
    string? Address,
    string? Website,
    string? PaymentTerms,
    int LeadTimeDays,
    string Currency,
    string? Notes,
    bool IsArchived,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Version)
{
    public static SupplierDto From(Supplier s) => new(s.Id, s.Name, s.ContactName, s.Email, s.Phone, s.Address, s.Website,
        s.PaymentTerms, s.LeadTimeDays, s.Currency, s.Notes, s.IsArchived, s.CreatedAt, s.UpdatedAt, s.Version);
}

public sealed record SupplierItemRequest(Guid? ItemId, string? SupplierSku, decimal? UnitPrice, decimal? MinimumOrderQuantity,
    int? LeadTimeDays, bool? IsPreferred, int? Version);

public sealed record SupplierItemDto(Guid Id, Guid SupplierId, Guid ItemId, string ItemSku, string ItemName, string? SupplierSku,
    decimal UnitPrice, decimal MinimumOrderQuantity, int? LeadTimeDays, bool IsPreferred, int Version)
{
    public static SupplierItemDto From(SupplierItem i) => new(i.Id, i.SupplierId, i.ItemId, i.ItemSku, i.ItemName, i.SupplierSku,
        i.UnitPrice, i.MinimumOrderQuantity, i.LeadTimeDays, i.IsPreferred, i.Version);
}
