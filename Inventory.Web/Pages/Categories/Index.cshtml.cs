namespace Inventory.Web.Pages.Categories;

/// <summary>Categories as a tree (by path), search, "include archived", keyset pages; archive/unarchive for managers.</summary>
public sealed class CategoryListModel(CatalogClient catalog)
    : TreeListPage<CatalogCategory>(catalog, "categories", catalog.FindCategoriesAsync, catalog.SetCategoryArchivedAsync, category => $"Category {category.Path}")
{
}
