namespace Inventory.ProcurementService.Receiving;

/// <summary>
/// An Idempotency-Key a caller sent with a receipt: written in the receipt's transaction, so a retry of the
/// same request finds the receipt it made instead of receiving the goods twice.
/// </summary>
public sealed class ReceiptIdempotencyKey
{
    public required string Caller { get; init; }
    public required string Key { get; init; }
    public required string RequestHash { get; init; }
    public Guid? ReceiptId { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
}
