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
    DateTimeOffset UpdatedAt)
{
    public static SupplierDto From(Supplier s) => new(s.Id, s.Name, s.ContactName, s.Email, s.Phone, s.Address, s.Website,
        s.PaymentTerms, s.LeadTimeDays, s.Currency, s.Notes, s.IsArchived, s.CreatedAt, s.UpdatedAt);
}
