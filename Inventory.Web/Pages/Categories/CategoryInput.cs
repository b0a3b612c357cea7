using System.ComponentModel.DataAnnotations;

namespace Inventory.Web.Pages.Categories;

/// <summary>The category form; the catalog validates it and its errors come back keyed by these fields' JSON names.</summary>
public sealed class CategoryInput : IKeyedInput
{
    public string? Name { get; set; }

    [Display(Name = "Under")]
    public Guid? ParentId { get; set; }

    [HiddenInput]
    public int? Version { get; set; }

    [HiddenInput]
    public string? IdempotencyKey { get; set; } = FormKeys.New();

    public CategoryWrite ToWrite() => new(Name, ParentId, Version);

    public static CategoryInput From(CatalogCategory c) => new() { Name = c.Name, ParentId = c.ParentId, Version = c.Version };
}
