using System.ComponentModel.DataAnnotations;

namespace Inventory.Web.Pages.Locations;

/// <summary>The location form; the catalog validates it and its errors come back keyed by these fields' JSON names.</summary>
public sealed class LocationInput : IKeyedInput
{
    public string? Code { get; set; }

    [Display(Name = "Barcode (empty: the code)")]
    public string? Barcode { get; set; }
    public string? Name { get; set; }
    public string? Kind { get; set; } = "warehouse";

    [Display(Name = "Inside (for a bin)")]
    public Guid? ParentId { get; set; }

    [Display(Name = "Stock here may go below zero")]
    public bool AllowsNegative { get; set; }

    [HiddenInput]
    public int? Version { get; set; }

    [HiddenInput]
    public string? IdempotencyKey { get; set; } = FormKeys.New();

    public LocationWrite ToWrite() => new(Code, Name, Kind, ParentId, AllowsNegative, Version, Barcode);

    public static LocationInput From(CatalogLocation l) => new()
    {
        Code = l.Code, Barcode = l.Barcode, Name = l.Name, Kind = l.Kind, ParentId = l.ParentId, AllowsNegative = l.AllowsNegative, Version = l.Version,
    };
}
