namespace Inventory.ProcurementService.Receiving;

/// <summary>What makes a receipt request valid; error keys are JSON paths such as <c>lines[1].quantity</c>.</summary>
public static class ReceivingRules
{
    public static Dictionary<string, string[]> Validate(ReceiveRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if ((request.LocationId ?? Guid.Empty) == Guid.Empty)
            errors["locationId"] = ["Location is required."];
        if (request.Lines is not { Count: > 0 })
        {
            errors["lines"] = ["Receive at least one line."];
            return errors;
        }
        var seen = new HashSet<Guid>();
        for (var i = 0; i < request.Lines.Count; i++)
        {
            var line = request.Lines[i];
            if (line is null || (line.LineId ?? Guid.Empty) == Guid.Empty)
                errors[$"lines[{i}].lineId"] = ["Line is required."];
            else if (!seen.Add(line.LineId!.Value))
                errors[$"lines[{i}].lineId"] = ["This line appears twice; receive its total once."];
            if (line?.Quantity is null or <= 0)
                errors[$"lines[{i}].quantity"] = ["Quantity must be more than zero."];
            else
                Amounts.Check(errors, $"lines[{i}].quantity", line.Quantity);
        }
        return errors;
    }

    public static Dictionary<string, string[]> Validate(MoveReceiptLineRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if ((request.LocationId ?? Guid.Empty) == Guid.Empty)
            errors["locationId"] = ["Location is required."];
        return errors;
    }
}
