namespace Inventory.ProcurementService.PurchaseOrders;

public sealed record PurchaseOrderLineRequest(Guid? ItemId, decimal? Quantity, decimal? UnitPrice);

public sealed record CreatePurchaseOrderRequest(Guid? SupplierId, DateOnly? ExpectedDate, string? Notes, IReadOnlyList<PurchaseOrderLineRequest>? Lines);

/// <summary>Replaces a draft's header and lines. <c>Version</c> is the one read; a stale one gets 409.</summary>
public sealed record UpdatePurchaseOrderRequest(int? Version, DateOnly? ExpectedDate, string? Notes, IReadOnlyList<PurchaseOrderLineRequest>? Lines);

/// <summary>Body of submit, cancel and close: the version the caller saw.</summary>
public sealed record StatusChangeRequest(int? Version);

public sealed record PurchaseOrderLineDto(Guid Id, int LineNumber, Guid ItemId, string ItemSku, string Description,
    decimal QuantityOrdered, decimal UnitPrice, decimal QuantityReceived, decimal LineTotal);

public sealed record StatusChangeDto(string? From, string To, string ChangedBy, DateTimeOffset ChangedAt);

public sealed record PurchaseOrderSummaryDto(Guid Id, string Number, Guid SupplierId, string SupplierName, string Status,
    DateOnly? ExpectedDate, string Currency, decimal Total, DateTimeOffset CreatedAt);

public sealed record PurchaseOrderDto(Guid Id, string Number, Guid SupplierId, string SupplierName, string Status,
    DateOnly? ExpectedDate, string? Notes, string Currency, decimal Total, string CreatedBy, DateTimeOffset CreatedAt,
    string? SubmittedBy, DateTimeOffset? SubmittedAt, int Version, IReadOnlyList<PurchaseOrderLineDto> Lines,
    IReadOnlyList<StatusChangeDto> StatusHistory)
{
    public static PurchaseOrderDto From(PurchaseOrder order, string supplierName) => new(order.Id, order.Number, order.SupplierId,
        supplierName, order.Status.ToString(), order.ExpectedDate, order.Notes, order.Currency, order.Total, order.CreatedBy,
        order.CreatedAt, order.SubmittedBy, order.SubmittedAt, order.Version,
        order.Lines.OrderBy(l => l.LineNumber).Select(l => new PurchaseOrderLineDto(l.Id, l.LineNumber, l.ItemId, l.ItemSku,
            l.Description, l.QuantityOrdered, l.UnitPrice, l.QuantityReceived, l.LineTotal)).ToList(),
        order.StatusChanges.OrderBy(c => c.ChangedAt).ThenBy(c => c.Id)
            .Select(c => new StatusChangeDto(c.From?.ToString(), c.To.ToString(), c.ChangedBy, c.ChangedAt)).ToList());
}
