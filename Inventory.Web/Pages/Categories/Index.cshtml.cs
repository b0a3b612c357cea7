namespace Inventory.Web.Pages.Categories;

/// <summary>Categories as a tree (by path), search, "include archived", keyset pages; archive/unarchive for managers.</summary>
public sealed class CategoryListModel(CatalogClient catalog) : TreeListPage<CatalogCategory>
{
    protected override Task<ApiResult<Page<CatalogCategory>>> FindAsync(string? search, bool includeArchived, string? after, int pageSize, CancellationToken ct) =>
        catalog.FindCategoriesAsync(search, includeArchived, after, pageSize, ct);

    protected override Task<ApiResult<CatalogCategory>> SetArchivedAsync(Guid id, bool archived, string idempotencyKey, CancellationToken ct) =>
        catalog.SetCategoryArchivedAsync(id, archived, idempotencyKey, ct);

    protected override string Describe(CatalogCategory row) => $"Category {row.Path}";
}
