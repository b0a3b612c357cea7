using System.ComponentModel.DataAnnotations;

namespace Inventory.Web.Pages.Suppliers;

/// <summary>The supplier form. The procurement service validates it; its errors come back keyed by these fields' JSON names.</summary>
public sealed class SupplierInput : IKeyedInput
{
    public string? Name { get; set; }

    [Display(Name = "Contact name")]
    public string? ContactName { get; set; }

    [Display(Name = "E-mail")]
    public string? Email { get; set; }

    public string? Phone { get; set; }
    public string? Address { get; set; }
    public string? Website { get; set; }

    [Display(Name = "Payment terms")]
    public string? PaymentTerms { get; set; }

    [Display(Name = "Lead time (days)")]
    public int? LeadTimeDays { get; set; }

    public string? Currency { get; set; } = "USD";
    public string? Notes { get; set; }

    /// <summary>The version the form was loaded at (edit only): a save over someone else's change is refused.</summary>
    [HiddenInput]
    public int? Version { get; set; }

    [HiddenInput]
    public string? IdempotencyKey { get; set; } = FormKeys.New();

    public SupplierWrite ToWrite() =>
        new(Name, ContactName, Email, Phone, Address, Website, PaymentTerms, LeadTimeDays, Currency, Notes, Version);

    public static SupplierInput From(SupplierDetail s) => new()
    {
        Name = s.Name, ContactName = s.ContactName, Email = s.Email, Phone = s.Phone, Address = s.Address, Website = s.Website,
        PaymentTerms = s.PaymentTerms, LeadTimeDays = s.LeadTimeDays, Currency = s.Currency, Notes = s.Notes, Version = s.Version,
    };
}
