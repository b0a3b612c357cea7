namespace Inventory.CatalogService.Trees;

/// <summary>
/// Categories and locations are trees stored with a materialized path: <c>path_ids</c> holds the ids from the
/// root down to the node itself ("/root/child/node/"), so a subtree is one prefix match and the ancestors of a
/// node are in its own row.
/// </summary>
public static class TreeRules
{
    public const int MaxDepth = 8;

    public static string PathIds(string? parentPathIds, Guid id) => $"{parentPathIds ?? "/"}{id}/";

    /// <summary>True when putting <paramref name="node"/> under a parent with <paramref name="parentPathIds"/> would make it its own ancestor.</summary>
    public static bool WouldCreateCycle(Guid node, Guid? parentId, string? parentPathIds) =>
        parentId == node || (parentPathIds?.Contains($"/{node}/", StringComparison.Ordinal) ?? false);

    /// <summary>Depth of a node (a root is 1) from its path.</summary>
    public static int Depth(string pathIds) => pathIds.Count(c => c == '/') - 1;
}
