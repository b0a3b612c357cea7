namespace Inventory.Web.Services.Catalog;

/// <summary>
/// An item as the catalog lists it (<c>ItemDto</c>): a row of the item list, and the answer of a save or a look-up.
/// <see cref="LocationOnHand"/> is set in a list filtered by location: the quantity there (and in the locations under it).
/// </summary>
public sealed record ItemSummary(Guid Id, string Sku, string Name, string? Description, string Unit, decimal UnitCost,
    decimal ReorderPoint, decimal ReorderQuantity, bool IsArchived, DateTimeOffset UpdatedAt, Guid? CategoryId, string? CategoryPath,
    string? Barcode, decimal OnHand, int Version, decimal? LocationOnHand = null);
