namespace Inventory.Web.Services.Procurement;

/// <summary>A row of the purchase-order list.</summary>
public sealed record PurchaseOrderSummary(Guid Id, string Number, Guid SupplierId, string SupplierName, string Status,
    DateOnly? ExpectedDate, string Currency, decimal Total, DateTimeOffset CreatedAt);
