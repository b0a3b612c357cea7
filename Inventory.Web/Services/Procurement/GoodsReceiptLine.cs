namespace Inventory.Web.Services.Procurement;

/// <summary>A received line and how far its posting to the catalog's stock has got (Pending, Posted, Failing).</summary>
public sealed record GoodsReceiptLine(Guid Id, Guid PurchaseOrderLineId, Guid ItemId, decimal Quantity, string PostingState,
    int Attempts, string? LastError, DateTimeOffset? PostedAt);
