namespace Inventory.Web.Services.Procurement;

/// <summary>Goods received against a purchase order into one location.</summary>
public sealed record GoodsReceipt(Guid Id, Guid PurchaseOrderId, string Reference, Guid LocationId, string ReceivedBy,
    DateTimeOffset ReceivedAt, IReadOnlyList<GoodsReceiptLine> Lines);
