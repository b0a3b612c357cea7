using Inventory.CatalogService.Trees;

namespace Inventory.CatalogService.Categories;

/// <summary>A node of the category tree; its path is made of names ("Hardware / Bolts").</summary>
public sealed class Category : TreeNode
{
    public required string Name { get; set; }
    public string NameNormalized { get; private set; } = "";

    public override string Label() => Name;

    public override Dictionary<string, object?> AuditFields() => new()
    {
        ["name"] = Name, ["parentId"] = ParentId, ["path"] = Path, ["isArchived"] = IsArchived,
    };
}
