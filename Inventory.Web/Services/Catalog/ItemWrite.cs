namespace Inventory.Web.Services.Catalog;

/// <summary>The body of an item create (no version) or update (with the version read).</summary>
public sealed record ItemWrite(string? Sku, string? Name, string? Description, string? Unit, decimal? UnitCost,
    decimal? ReorderPoint, decimal? ReorderQuantity, Guid? CategoryId, string? Barcode, Guid? PreferredSupplierId, int? Version);
