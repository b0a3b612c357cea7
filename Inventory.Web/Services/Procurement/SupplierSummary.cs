namespace Inventory.Web.Services.Procurement;

/// <summary>A row of the supplier list.</summary>
public sealed record SupplierSummary(Guid Id, string Name, string? ContactName, string? Email, string? Phone, int LeadTimeDays, string Currency,
    bool IsArchived);
