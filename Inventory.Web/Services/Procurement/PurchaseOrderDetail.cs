namespace Inventory.Web.Services.Procurement;

/// <summary>A purchase order with its lines and status history.</summary>
public sealed record PurchaseOrderDetail(Guid Id, string Number, Guid SupplierId, string SupplierName, string Status,
    DateOnly? ExpectedDate, string? Notes, string Currency, decimal Total, string CreatedBy, DateTimeOffset CreatedAt,
    string? SubmittedBy, DateTimeOffset? SubmittedAt, int Version, IReadOnlyList<OrderLine> Lines,
    IReadOnlyList<StatusChange> StatusHistory)
{
    // The life cycle as the procurement service enforces it (PurchaseOrderRules); the page offers only what it would accept.
    public bool CanEdit => Status == PurchaseOrderStatuses.Draft;
    public bool CanSubmit => Status == PurchaseOrderStatuses.Draft && Lines.Count > 0;
    public bool CanCancel => Status is PurchaseOrderStatuses.Draft or PurchaseOrderStatuses.Submitted && Lines.All(l => l.QuantityReceived == 0);
    public bool CanClose => Status == PurchaseOrderStatuses.PartiallyReceived;
    public bool CanReceive => Status is PurchaseOrderStatuses.Submitted or PurchaseOrderStatuses.PartiallyReceived;

    /// <summary>Why a page cannot do <paramref name="what"/> with the order in its status: "PO-000012 is closed: it takes no receipts."</summary>
    public string Refusal(string what) => $"{Number} is {Words.OrderStatus(Status).ToLowerInvariant()}: {what}.";
}
