namespace Inventory.Web.Services.Catalog;

/// <summary>One movement form's body; the catalog reads the members its endpoint takes (receipt/issue: location; transfer: from/to; adjustment: reason).</summary>
public sealed record MovementWrite(Guid ItemId, Guid? LocationId, Guid? FromLocationId, Guid? ToLocationId, decimal? Quantity,
    string? ReasonCode, string? Reference, string? Note);
