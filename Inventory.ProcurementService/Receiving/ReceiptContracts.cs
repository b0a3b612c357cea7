namespace Inventory.ProcurementService.Receiving;

public sealed record ReceiveLineRequest(Guid? LineId, decimal? Quantity);

/// <summary>Receive some lines of a purchase order into one catalog location.</summary>
public sealed record ReceiveRequest(Guid? LocationId, IReadOnlyList<ReceiveLineRequest>? Lines);

/// <param name="LocationId">Where the line's stock goes: the receipt's location unless the line was moved after a rejection.</param>
/// <param name="LastError">Failing: the last error; Rejected: the catalog's reason in words.</param>
public sealed record ReceiptLineDto(Guid Id, Guid PurchaseOrderLineId, Guid ItemId, Guid LocationId, decimal Quantity, string PostingState,
    int Attempts, string? LastError, DateTimeOffset? PostedAt)
{
    public static ReceiptLineDto From(ReceiptLine l) =>
        new(l.Id, l.PurchaseOrderLineId, l.ItemId, l.LocationId, l.Quantity, l.PostingState.ToString(), l.Attempts, l.LastError, l.PostedAt);
}

public sealed record ReceiptDto(Guid Id, Guid PurchaseOrderId, string Reference, Guid LocationId, string ReceivedBy,
    DateTimeOffset ReceivedAt, IReadOnlyList<ReceiptLineDto> Lines)
{
    public static ReceiptDto From(Receipt receipt) => new(receipt.Id, receipt.PurchaseOrderId,
        receipt.Lines.FirstOrDefault()?.Reference ?? "", receipt.LocationId, receipt.ReceivedBy, receipt.ReceivedAt,
        receipt.Lines.Select(ReceiptLineDto.From).ToList());
}
