namespace Inventory.Web.Services.Catalog;

public sealed record OpenCountWrite(Guid? LocationId, bool Blind, string? Note);
