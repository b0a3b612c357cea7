namespace Inventory.Web.Pages.Locations;

/// <summary>Warehouses and bins as a tree (by path), search, "include archived", keyset pages; archive/unarchive for managers.</summary>
public sealed class LocationListModel(CatalogClient catalog) : TreeListPage<CatalogLocation>
{
    protected override Task<ApiResult<Page<CatalogLocation>>> FindAsync(string? search, bool includeArchived, string? after, int pageSize, CancellationToken ct) =>
        catalog.FindLocationsAsync(search, includeArchived, after, pageSize, ct);

    protected override Task<ApiResult<CatalogLocation>> SetArchivedAsync(Guid id, bool archived, string idempotencyKey, CancellationToken ct) =>
        catalog.SetLocationArchivedAsync(id, archived, idempotencyKey, ct);

    protected override string Describe(CatalogLocation row) => $"Location {row.Code}";
}
