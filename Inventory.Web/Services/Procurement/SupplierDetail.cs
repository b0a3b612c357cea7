namespace Inventory.Web.Services.Procurement;

public sealed record SupplierDetail(Guid Id, string Name, string? ContactName, string? Email, string? Phone, string? Address,
    string? Website, string? PaymentTerms, int LeadTimeDays, string Currency, string? Notes, bool IsArchived,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int Version);
