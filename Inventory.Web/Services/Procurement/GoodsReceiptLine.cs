namespace Inventory.Web.Services.Procurement;

/// <summary>
/// A received line and how far its posting to the catalog's stock has got: Pending, Posted, Failing (being retried)
/// or Rejected (refused by the catalog for good; <see cref="LastError"/> says why, and a person retries or moves it).
/// </summary>
public sealed record GoodsReceiptLine(Guid Id, Guid PurchaseOrderLineId, Guid ItemId, Guid LocationId, decimal Quantity, string PostingState,
    int Attempts, string? LastError, DateTimeOffset? PostedAt)
{
    public const string Rejected = "Rejected";

    public bool IsRejected => PostingState == Rejected;
}
