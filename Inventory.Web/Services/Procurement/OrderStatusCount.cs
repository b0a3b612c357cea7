namespace Inventory.Web.Services.Procurement;

/// <summary>How many orders have a status (as the API spells it; <see cref="PurchaseOrderStatuses"/> shows it).</summary>
public sealed record OrderStatusCount(string Status, int Count);
