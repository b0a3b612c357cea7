using Inventory.CatalogService.Items;

namespace Inventory.CatalogService.Stock;

/// <summary>What a stock movement request must satisfy before it reaches the ledger.</summary>
public static class StockRules
{
    public const int ReferenceMaxLength = 100;
    public const int NoteMaxLength = 500;

    /// <summary>A quantity of an indivisible unit (each, box …) must be whole; divisible units take up to 4 decimals.</summary>
    public static bool FitsUnit(string unit, decimal quantity) => ItemRules.IsDivisible(unit) || IsWhole(quantity);

    public static bool IsWhole(decimal quantity) => quantity == decimal.Truncate(quantity);

    public static void CheckQuantity(Dictionary<string, string[]> errors, string field, decimal? quantity, bool signed = false)
    {
        if (quantity is not { } q)
            errors[field] = ["Quantity is required."];
        else if (q == 0)
            errors[field] = ["Quantity must not be zero."];
        else if (q < 0 && !signed)
            errors[field] = ["Quantity must be more than zero."];
        else
            Amounts.Check(errors, field, q);
    }

    public static void CheckId(Dictionary<string, string[]> errors, string field, Guid? id)
    {
        if (id is null)
            errors[field] = ["Required."];
        else if (id == Guid.Empty)
            errors[field] = ["Not a valid id."];
    }

    public static void CheckText(Dictionary<string, string[]> errors, string? reference, string? note)
    {
        if (reference is { Length: > ReferenceMaxLength })
            errors["reference"] = [$"Reference must be at most {ReferenceMaxLength} characters."];
        if (note is { Length: > NoteMaxLength })
            errors["note"] = [$"Note must be at most {NoteMaxLength} characters."];
        TextFields.RefuseNul(errors, ("reference", reference), ("note", note));
    }

    public static Dictionary<string, string[]> Validate(StockChangeRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        CheckId(errors, "itemId", request.ItemId);
        CheckId(errors, "locationId", request.LocationId);
        CheckQuantity(errors, "quantity", request.Quantity);
        CheckText(errors, request.Reference, request.Note);
        return errors;
    }

    public static Dictionary<string, string[]> Validate(AdjustmentRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        CheckId(errors, "itemId", request.ItemId);
        CheckId(errors, "locationId", request.LocationId);
        CheckQuantity(errors, "quantity", request.Quantity, signed: true);
        if (string.IsNullOrWhiteSpace(request.ReasonCode))
            errors["reasonCode"] = ["A reason code is required."];
        else if (!AdjustmentReasons.All.Contains(request.ReasonCode.Trim().ToLowerInvariant()))
            errors["reasonCode"] = [$"Must be one of: {string.Join(", ", AdjustmentReasons.All)}."];
        TextFields.RefuseNul(errors, ("reasonCode", request.ReasonCode));
        CheckText(errors, request.Reference, request.Note);
        return errors;
    }

    public static Dictionary<string, string[]> Validate(TransferRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        CheckId(errors, "itemId", request.ItemId);
        CheckId(errors, "fromLocationId", request.FromLocationId);
        CheckId(errors, "toLocationId", request.ToLocationId);
        if (request.FromLocationId is not null && request.FromLocationId == request.ToLocationId)
            errors["toLocationId"] = ["A transfer needs two different locations."];
        CheckQuantity(errors, "quantity", request.Quantity);
        CheckText(errors, request.Reference, request.Note);
        return errors;
    }

    public static Dictionary<string, string[]> Validate(ReceiptRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        CheckId(errors, "receiptLineId", request.ReceiptLineId);
        CheckId(errors, "itemId", request.ItemId);
        CheckId(errors, "locationId", request.LocationId);
        CheckQuantity(errors, "quantity", request.Quantity);
        CheckText(errors, request.Reference, null);
        return errors;
    }
}
