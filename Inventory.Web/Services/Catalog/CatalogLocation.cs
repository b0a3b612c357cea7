namespace Inventory.Web.Services.Catalog;

/// <summary>A warehouse or bin as the catalog's tree lists it (by path); <see cref="Barcode"/> is what its label encodes.</summary>
public sealed record CatalogLocation(Guid Id, string Code, string Name, string Kind, Guid? ParentId, string Path, int Depth,
    bool AllowsNegative, bool IsArchived, int Version, string Barcode = "");
