namespace Inventory.Web.Services.Catalog;

/// <summary>A category as the catalog's tree lists it (by path).</summary>
public sealed record CatalogCategory(Guid Id, string Name, Guid? ParentId, string Path, int Depth, bool IsArchived, int Version);
