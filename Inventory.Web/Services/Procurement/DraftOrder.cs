namespace Inventory.Web.Services.Procurement;

/// <summary>A draft purchase order replenishment created.</summary>
public sealed record DraftOrder(Guid PurchaseOrderId, string Number, Guid SupplierId, int Lines);
