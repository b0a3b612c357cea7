namespace Inventory.Web.Services.Procurement;

/// <summary>A ticked item replenishment did not order, and why.</summary>
public sealed record SkippedReorder(Guid ItemId, string Reason);
