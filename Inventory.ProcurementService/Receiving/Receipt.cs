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
/// catalog as a receipt movement afterwards by <see cref="ReceiptDispatcher"/>, until the catalog confirms — or
/// refuses it for good (<see cref="PostingState.Rejected"/>), when a person resolves it (<see cref="ReceiptLineResolution"/>).
/// </summary>
public sealed class ReceiptLine
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ReceiptId { get; init; }
    public Guid PurchaseOrderLineId { get; init; }
    public Guid ItemId { get; init; }
    /// <summary>Where the stock goes: the receipt's location, unless a person moved the line after a rejection.</summary>
    public Guid LocationId { get; init; }
    public decimal Quantity { get; init; }

    /// <summary>The PO number, sent to the catalog as the movement's reference.</summary>
    public required string Reference { get; init; }

    public PostingState PostingState { get; set; } = PostingState.Pending;
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>For <see cref="PostingState.Failing"/>, the last error; for <see cref="PostingState.Rejected"/>, the catalog's reason in words.</summary>
    public string? LastError { get; set; }

    /// <summary>
    /// The last attempt could not reach the catalog at all: the dispatcher probes the catalog and makes the line due
    /// as soon as it answers again, instead of waiting out the backoff.
    /// </summary>
    public bool AwaitingCatalog { get; set; }

    public DateTimeOffset? PostedAt { get; set; }
}

public enum PostingState
{
    Pending,
    Posted,

    /// <summary>Not posted yet; retried with backoff (the catalog was unreachable or answered with a transient error).</summary>
    Failing,

    /// <summary>The catalog refused the line for good (4xx); it is not retried until a person retries or moves it.</summary>
    Rejected,
}
