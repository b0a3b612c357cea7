using System.ComponentModel.DataAnnotations;
using Inventory.Web.Settings;

namespace Inventory.Web.Pages.Admin;

/// <summary>The company settings form.</summary>
public sealed class SettingsInput : IKeyedInput
{
    [Display(Name = "Company name"), Required(ErrorMessage = "Enter the company's name."), StringLength(CompanySettings.NameLength)]
    public string? CompanyName { get; set; }

    [StringLength(CompanySettings.AddressLength)]
    public string? Address { get; set; }

    [Required(ErrorMessage = CurrencyCodes.Message)]
    public string? Currency { get; set; }

    [Display(Name = "Terms printed on purchase orders"), StringLength(CompanySettings.TermsLength)]
    public string? Terms { get; set; }

    /// <summary>The version the form was read at: a save over another admin's change is refused.</summary>
    [HiddenInput]
    public uint Version { get; set; }

    [HiddenInput]
    public string? IdempotencyKey { get; set; }

    public static SettingsInput From(CompanySettings settings) => new()
    {
        CompanyName = settings.CompanyName, Address = settings.Address, Currency = settings.Currency, Terms = settings.Terms,
        Version = settings.Version, IdempotencyKey = FormKeys.New(),
    };
}
