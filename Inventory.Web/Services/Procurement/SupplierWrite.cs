using System.Text.Json.Serialization;

namespace Inventory.Web.Services.Procurement;

/// <summary>Body of create (no version) and update (the version read) of a supplier.</summary>
public sealed record SupplierWrite(string? Name, string? ContactName, string? Email, string? Phone, string? Address, string? Website,
    string? PaymentTerms, int? LeadTimeDays, string? Currency, string? Notes,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Version = null);
