namespace Inventory.Web.Services.Catalog;

public sealed record CountedLineWrite(Guid ItemId, decimal CountedQuantity);
