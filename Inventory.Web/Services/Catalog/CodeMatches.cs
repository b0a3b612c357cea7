namespace Inventory.Web.Services.Catalog;

/// <summary>What the catalog's look-up found for one scanned code: items by SKU or barcode, locations by barcode or code.</summary>
public sealed record CodeMatches(string Code, IReadOnlyList<ItemSummary> Items, IReadOnlyList<CatalogLocation> Locations);
