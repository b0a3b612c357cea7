using System.Text.Json.Serialization;

namespace Inventory.ProcurementService.Suppliers;

public sealed record CreateSupplierRequest(
    string? Name,
    string? ContactName,
    string? Email,
    string? Phone,
    string? Address,
    string? Website,
    string? PaymentTerms,
    int? LeadTimeDays,
    string? Currency,
    string? Notes);

/// <summary>Replaces a supplier's details. <c>Version</c> is the one read; a stale one gets 409.</summary>
public sealed record UpdateSupplierRequest(
    int? Version,
    string? Name,
    string? ContactName,
    string? Email,
    string? Phone,
    string? Address,
    string? Website,
    string? PaymentTerms,
    int? LeadTimeDays,
    string? Currency,
    string? Notes)
{
    [JsonIgnore]
    public CreateSupplierRequest Details => new(Name, ContactName, Email, Phone, Address, Website, PaymentTerms, LeadTimeDays, Currency, Notes);
}

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
