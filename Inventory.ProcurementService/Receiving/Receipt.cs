namespace Inventory.ProcurementService.Receiving;

/// <summary>Goods received against a purchase order into one catalog location.</summary>
public sealed class Receipt
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PurchaseOrderId { get; init; }
    public Guid LocationId { get; init; }
    public required string ReceivedBy { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
    public List<ReceiptLine> Lines { get; init; } = [];
}

/// <summary>
/// One received line, and its outbox state: it is written in the receipt's transaction and posted to the
/// catalog as a receipt movement afterwards by <see cref="ReceiptDispatcher"/>, until the catalog confirms.
/// </summary>
public sealed class ReceiptLine
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ReceiptId { get; init; }
    public Guid PurchaseOrderLineId { get; init; }
    public Guid ItemId { get; init; }
    public Guid LocationId { get; init; }
    public decimal Quantity { get; init; }

    /// <summary>The PO number, sent to the catalog as the movement's reference.</summary>
    public required string Reference { get; init; }

    public PostingState PostingState { get; set; } = PostingState.Pending;
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? PostedAt { get; set; }
}

public enum PostingState
{
    Pending,
    Posted,
    Failing,
}
