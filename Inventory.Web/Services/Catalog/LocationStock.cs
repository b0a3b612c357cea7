namespace Inventory.Web.Services.Catalog;

/// <summary>How much of an item one location holds.</summary>
public sealed record LocationStock(Guid ItemId, string Sku, Guid LocationId, string LocationCode, string LocationPath, decimal OnHand,
    DateTimeOffset UpdatedAt, string? LocationName = null);
