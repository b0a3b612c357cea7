namespace Inventory.Web.Services.Catalog;

/// <summary>The item list's filters and order, as the catalog's <c>GET /api/items</c> takes them.</summary>
public sealed record ItemQuery(string? Search, Guid? CategoryId, Guid? LocationId, bool LowStock, string Archived, string Sort, string Dir)
{
    public static readonly string[] Sorts = ["sku", "name", "onHand", "updatedAt"];
    public static readonly string[] ArchivedFilters = ["active", "archived", "all"];
}
