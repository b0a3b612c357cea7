namespace Inventory.ProcurementService.PurchaseOrders;

/// <summary>Checks a purchase order's header and lines; error keys are JSON paths such as <c>lines[2].quantity</c>.</summary>
public static class PurchaseOrderValidation
{
    public const decimal MaxQuantity = 1_000_000_000m;

    public static Dictionary<string, string[]> Validate(DateOnly? expectedDate, string? notes, IReadOnlyList<PurchaseOrderLineRequest>? lines)
    {
        var errors = new Dictionary<string, string[]>();
        if (notes?.Length > 2000)
            errors["notes"] = ["Notes must be at most 2000 characters."];
        if (expectedDate is { Year: < 2000 or > 2200 })
            errors["expectedDate"] = ["Expected date is out of range."];
        lines ??= [];
        if (lines.Count > PurchaseOrderRules.MaxLines)
            errors["lines"] = [$"A purchase order has at most {PurchaseOrderRules.MaxLines} lines."];

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
            else if (decimal.Round(line.Quantity.Value, 4) != line.Quantity)
                errors[$"lines[{i}].quantity"] = ["At most 4 decimal places."];
            if (line.UnitPrice is < 0 || line.UnitPrice is { } price && decimal.Round(price, 4) != price)
                errors[$"lines[{i}].unitPrice"] = ["Unit price must be zero or more, with at most 4 decimals."];
        }
        return errors;
    }
}
