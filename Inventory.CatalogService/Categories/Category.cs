namespace Inventory.CatalogService.Categories;

/// <summary>A node of the category tree. <see cref="Path"/> and <see cref="PathIds"/> are maintained with the tree.</summary>
public sealed class Category
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public string NameNormalized { get; private set; } = "";
    public Guid? ParentId { get; set; }
    /// <summary>Names from the root down, joined with " / " (what lists show).</summary>
    public string Path { get; set; } = "";
    /// <summary>Ids from the root down to this node: "/root/…/id/". A subtree is a prefix match.</summary>
    public string PathIds { get; set; } = "";
    public int Depth { get; set; }
    public bool IsArchived { get; set; }
    public int Version { get; set; } = 1;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    public Dictionary<string, object?> AuditFields() => new()
    {
        ["name"] = Name, ["parentId"] = ParentId, ["path"] = Path, ["isArchived"] = IsArchived,
    };
}
