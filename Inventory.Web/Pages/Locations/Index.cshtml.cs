namespace Inventory.Web.Pages.Locations;

/// <summary>Warehouses and bins as a tree (by path), search, "include archived", keyset pages; archive/unarchive for managers.</summary>
public sealed class LocationListModel(CatalogClient catalog)
    : TreeListPage<CatalogLocation>(catalog, "locations", catalog.FindLocationsAsync, catalog.SetLocationArchivedAsync, location => $"Location {location.Code}")
{
}
