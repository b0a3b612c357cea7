namespace Inventory.Web.Services.Catalog;

public sealed record CategoryValue(Guid? CategoryId, string Category, decimal Value);
