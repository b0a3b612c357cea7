namespace Inventory.Web.Services.Catalog;

public sealed record LocationWrite(string? Code, string? Name, string? Kind, Guid? ParentId, bool? AllowsNegative, int? Version,
    string? Barcode = null);
