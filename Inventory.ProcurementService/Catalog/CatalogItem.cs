namespace Inventory.ProcurementService.Catalog;

/// <summary>The catalog's view of an item, as procurement needs it.</summary>
public sealed record CatalogItem(Guid Id, string Sku, string Name, string Unit, bool IsArchived,
    decimal ReorderPoint, decimal ReorderQuantity, decimal OnHand, Guid? PreferredSupplierId);

/// <summary>The catalog's view of a location, as receiving needs it.</summary>
public sealed record CatalogLocation(Guid Id, string Code, string Name, bool IsArchived);
