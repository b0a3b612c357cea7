namespace Inventory.CatalogService.Stock;

/// <summary>A receipt line of the procurement service, booked once: its id is the primary key (table receipt_lines).</summary>
public sealed class PostedReceiptLine
{
    public Guid ReceiptLineId { get; init; }
    public Guid OperationId { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
}
