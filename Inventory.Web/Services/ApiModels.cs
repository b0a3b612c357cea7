namespace Inventory.Web.Services;

// The web's view of the services' JSON; fields it does not show are left out.

public sealed record ItemSummary(Guid Id, string Sku, string Name, string? Description, string Unit, decimal UnitCost, bool IsArchived);

public sealed record SupplierSummary(Guid Id, string Name, string? ContactName, string? Email, string? Phone, int LeadTimeDays, string Currency, bool IsArchived);

public sealed record LocationSummary(Guid Id, string Code, string Name, string Kind, string Path, bool IsArchived);
