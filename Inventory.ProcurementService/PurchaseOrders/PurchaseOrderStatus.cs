namespace Inventory.ProcurementService.PurchaseOrders;

public enum PurchaseOrderStatus
{
    Draft,
    Submitted,
    PartiallyReceived,
    Received,
    Cancelled,
    Closed,
}
