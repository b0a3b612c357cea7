namespace Inventory.Web.Services.Procurement;

/// <summary>An order with received lines the catalog rejected.</summary>
public sealed record OrderAttention(Guid PurchaseOrderId, string Number, int RejectedLines);
