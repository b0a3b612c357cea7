namespace Inventory.ProcurementService.Receiving;

/// <summary>Post a rejected receipt line into another catalog location.</summary>
public sealed record MoveReceiptLineRequest(Guid? LocationId);

/// <summary>What the dashboard shows: how many receipt lines the catalog rejected, and the orders they belong to.</summary>
public sealed record ReceiptAttentionDto(int RejectedLines, IReadOnlyList<OrderAttentionDto> Orders);

public sealed record OrderAttentionDto(Guid PurchaseOrderId, string Number, int RejectedLines);
