using Inventory.CatalogService.Common;

namespace Inventory.CatalogService.Trees;

/// <summary>
/// A node of a tree stored with a materialized path (categories, locations; see <see cref="TreeRules"/>).
/// <see cref="Path"/>, <see cref="PathIds"/> and <see cref="Depth"/> are kept right by <see cref="TreeWriter{T, TRequest, TDto}"/>.
/// </summary>
public abstract class TreeNode : IMasterData
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid? ParentId { get; set; }
    /// <summary>Labels from the root down, joined with " / " (what lists show).</summary>
    public string Path { get; set; } = "";
    /// <summary>Ids from the root down to this node: "/root/…/id/". A subtree is a prefix match.</summary>
    public string PathIds { get; set; } = "";
    public int Depth { get; set; }
    public bool IsArchived { get; set; }
    public int Version { get; set; } = 1;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The node's own part of <see cref="Path"/>: a category's name, a location's code.</summary>
    public abstract string Label();

    public abstract Dictionary<string, object?> AuditFields();

    /// <summary>Sets path, path ids and depth for a place under <paramref name="parent"/> (null: a root).</summary>
    public void PlaceUnder(TreeNode? parent)
    {
        ParentId = parent?.Id;
        PathIds = TreeRules.PathIds(parent?.PathIds, Id);
        Path = parent is null ? Label() : $"{parent.Path} / {Label()}";
        Depth = (parent?.Depth ?? 0) + 1;
    }
}
