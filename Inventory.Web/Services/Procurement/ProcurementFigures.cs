namespace Inventory.Web.Services.Procurement;

/// <summary>The dashboard's procurement figures: open orders by status, receipt lines not in stock yet, and some waiting orders.</summary>
public sealed record ProcurementFigures(IReadOnlyList<OrderStatusCount> OpenOrders, int WaitingReceiptLines, int RejectedReceiptLines,
    IReadOnlyList<OrderWaiting> WaitingOrders);
