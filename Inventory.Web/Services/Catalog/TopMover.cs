namespace Inventory.Web.Services.Catalog;

/// <summary>One of the most moved items of the last 30 days: its movements and the units they moved.</summary>
public sealed record TopMover(Guid ItemId, string Sku, string Name, string Unit, int Movements, decimal UnitsMoved);
