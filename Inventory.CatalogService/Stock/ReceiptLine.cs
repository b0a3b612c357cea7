namespace Inventory.CatalogService.Stock;

/// <summary>A receipt line of the procurement service, booked once: its id is the primary key.</summary>
public sealed class ReceiptLine
{
    public Guid ReceiptLineId { get; init; }
    public Guid OperationId { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
}
