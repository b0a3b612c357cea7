namespace Inventory.Web.Services.Procurement;

public sealed record OrderLineWrite(Guid? ItemId, decimal? Quantity, decimal? UnitPrice);
