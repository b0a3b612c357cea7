namespace Inventory.ProcurementService.PurchaseOrders;

/// <summary>
/// The purchase-order life cycle: Draft → Submitted → Partially received → Received; Cancelled from Draft
/// or Submitted while nothing is received; Closed short-closes a partially received order.
/// </summary>
public static class PurchaseOrderRules
{
    public const int MaxLines = 500;

    public static bool IsEditable(PurchaseOrderStatus status) => status == PurchaseOrderStatus.Draft;

    public static bool CanReceive(PurchaseOrderStatus status) =>
        status is PurchaseOrderStatus.Submitted or PurchaseOrderStatus.PartiallyReceived;

    /// <summary>Null when the transition is allowed, else why not.</summary>
    public static string? CheckTransition(PurchaseOrderStatus from, PurchaseOrderStatus to, int lineCount, bool anythingReceived) => (from, to) switch
    {
        (PurchaseOrderStatus.Draft, PurchaseOrderStatus.Submitted) when lineCount == 0 => "A purchase order needs at least one line to be submitted.",
        (PurchaseOrderStatus.Draft, PurchaseOrderStatus.Submitted) => null,
        (PurchaseOrderStatus.Draft or PurchaseOrderStatus.Submitted, PurchaseOrderStatus.Cancelled) when anythingReceived =>
            "Goods have been received on this order; close it instead.",
        (PurchaseOrderStatus.Draft or PurchaseOrderStatus.Submitted, PurchaseOrderStatus.Cancelled) => null,
        (PurchaseOrderStatus.PartiallyReceived, PurchaseOrderStatus.Closed) => null,
        _ => $"A {Describe(from)} purchase order cannot be {Verb(to)}.",
    };

    /// <summary>Status after receipts: Received when every line has all it ordered, else Partially received.</summary>
    public static PurchaseOrderStatus AfterReceipt(IEnumerable<(decimal Ordered, decimal Received)> lines) =>
        lines.All(l => l.Received >= l.Ordered) ? PurchaseOrderStatus.Received : PurchaseOrderStatus.PartiallyReceived;

    /// <summary>How much more of a line may be received: what is still open plus the over-receipt tolerance.</summary>
    public static decimal Receivable(decimal ordered, decimal received, decimal tolerancePercent) =>
        Math.Max(0, ordered * (1 + tolerancePercent / 100m) - received);

    public static string Describe(PurchaseOrderStatus status) => status switch
    {
        PurchaseOrderStatus.PartiallyReceived => "partially received",
        _ => status.ToString().ToLowerInvariant(),
    };

    private static string Verb(PurchaseOrderStatus to) => to switch
    {
        PurchaseOrderStatus.Submitted => "submitted",
        PurchaseOrderStatus.Cancelled => "cancelled",
        PurchaseOrderStatus.Closed => "closed",
        _ => $"moved to {Describe(to)}",
    };
}
