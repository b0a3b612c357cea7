namespace Inventory.Web.Services.Procurement;

/// <summary>An order with received lines that are not in the catalog's stock yet (pending or being retried).</summary>
public sealed record OrderWaiting(Guid PurchaseOrderId, string Number, int WaitingLines);
