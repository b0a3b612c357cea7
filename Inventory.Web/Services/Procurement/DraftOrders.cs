namespace Inventory.Web.Services.Procurement;

/// <summary>The answer to "create draft orders": the drafts made and the items left out.</summary>
public sealed record DraftOrders(IReadOnlyList<DraftOrder> Drafts, IReadOnlyList<SkippedReorder> Skipped);
