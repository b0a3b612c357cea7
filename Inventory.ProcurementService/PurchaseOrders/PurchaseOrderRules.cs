using Inventory.ProcurementService.Audit;

namespace Inventory.ProcurementService.PurchaseOrders;

/// <summary>
/// The purchase-order life cycle: Draft → Submitted → Partially received → Received; Cancelled from Draft
/// or Submitted while nothing is received; Closed short-closes a partially received order. Validation error keys
/// are JSON paths such as <c>lines[2].quantity</c>.
/// </summary>
public static class PurchaseOrderRules
{
    public const int MaxLines = 500;
    public const int NotesMaxLength = 2000;
    public const decimal MaxQuantity = 1_000_000_000m;

    public static Dictionary<string, string[]> Validate(CreatePurchaseOrderRequest request)
    {
        var errors = Validate(request.ExpectedDate, request.Notes, request.Lines);
        if ((request.SupplierId ?? Guid.Empty) == Guid.Empty)
            errors["supplierId"] = ["Supplier is required."];
        return errors;
    }

    public static Dictionary<string, string[]> Validate(UpdatePurchaseOrderRequest request)
    {
        var errors = Validate(request.ExpectedDate, request.Notes, request.Lines);
        if (request.Version is null)
            errors["version"] = ["Version is required: send the version you read."];
        return errors;
    }

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

    /// <summary>The audit action of a status change a person makes (receipts change status on their own).</summary>
    public static string AuditAction(PurchaseOrderStatus to) => to switch
    {
        PurchaseOrderStatus.Submitted => ProcurementAuditActions.Submit,
        PurchaseOrderStatus.Cancelled => ProcurementAuditActions.Cancel,
        PurchaseOrderStatus.Closed => ProcurementAuditActions.Close,
        _ => AuditActions.Update,
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

    private static Dictionary<string, string[]> Validate(DateOnly? expectedDate, string? notes, IReadOnlyList<PurchaseOrderLineRequest>? lines)
    {
        var errors = new Dictionary<string, string[]>();
        if (notes?.Length > NotesMaxLength)
            errors["notes"] = [$"Notes must be at most {NotesMaxLength} characters."];
        TextFields.RefuseNul(errors, ("notes", notes));
        if (expectedDate is { Year: < 2000 or > 2200 })
            errors["expectedDate"] = ["Expected date is out of range."];
        lines ??= [];
        if (lines.Count > MaxLines)
            errors["lines"] = [$"A purchase order has at most {MaxLines} lines."];

        var seen = new HashSet<Guid>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line is null)
            {
                errors[$"lines[{i}]"] = ["A line is required."];
                continue;
            }
            if ((line.ItemId ?? Guid.Empty) == Guid.Empty)
                errors[$"lines[{i}].itemId"] = ["Item is required."];
            else if (!seen.Add(line.ItemId!.Value))
                errors[$"lines[{i}].itemId"] = ["This item is already on another line; change that line's quantity instead."];
            if (line.Quantity is null or <= 0 or > MaxQuantity)
                errors[$"lines[{i}].quantity"] = ["Quantity must be more than zero."];
            else
                Amounts.Check(errors, $"lines[{i}].quantity", line.Quantity);
            if (line.UnitPrice is < 0)
                errors[$"lines[{i}].unitPrice"] = ["Unit price must be zero or more."];
            else
                Amounts.Check(errors, $"lines[{i}].unitPrice", line.UnitPrice);
        }
        return errors;
    }
}
