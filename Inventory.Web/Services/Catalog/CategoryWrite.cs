namespace Inventory.Web.Services.Catalog;

public sealed record CategoryWrite(string? Name, Guid? ParentId, int? Version);
