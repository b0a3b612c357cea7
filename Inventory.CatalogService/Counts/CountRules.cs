using Inventory.CatalogService.Stock;

namespace Inventory.CatalogService.Counts;

/// <summary>
/// The arithmetic of a cycle count. Each line keeps the on-hand quantity at its snapshot and the ledger position
/// of that snapshot. Movements booked while the count is open are respected, not overwritten or double-counted:
/// expected = snapshot + movements at the location since the snapshot, and the posted variance is
/// counted − expected. After posting, on hand equals the counted quantity, and the ledger shows the movements
/// during the count next to the count's own correction, so a reviewer can see them (and recount if a movement
/// happened after the item was physically counted).
/// </summary>
public static class CountRules
{
    public const int MaxItems = 5000;

    public static decimal Expected(decimal snapshot, decimal movementsSince) => snapshot + movementsSince;

    public static decimal Variance(decimal counted, decimal snapshot, decimal movementsSince) => counted - Expected(snapshot, movementsSince);

    /// <summary>
    /// A line as a reader sees it. Once posted, the expected quantity is the one the variance was booked against. With
    /// <paramref name="hidden"/> (an open blind count, a role below Manager) only what was counted shows.
    /// </summary>
    public static CountLineDto LineDto(CountLine line, string sku, string name, string unit, decimal movementsSince, bool hidden)
    {
        var counted = line.CountedQuantity;
        var expected = line.PostedVariance is { } v && counted is { } c ? c - v : Expected(line.SnapshotQuantity, movementsSince);
        decimal? variance = counted is { } n ? n - expected : null;
        return new CountLineDto(line.ItemId, sku, name, unit, hidden ? null : line.SnapshotQuantity, hidden ? null : movementsSince,
            hidden ? null : expected, counted, hidden ? null : variance, line.CountedBy, line.CountedAt);
    }

    public static Dictionary<string, string[]> Validate(OpenCountRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        StockRules.CheckId(errors, "locationId", request.LocationId);
        if (request.ItemIds is { } ids)
        {
            if (ids.Count == 0)
                errors["itemIds"] = ["Give at least one item, or leave itemIds out to count everything stocked at the location."];
            else if (ids.Count > MaxItems)
                errors["itemIds"] = [$"At most {MaxItems} items per count."];
            else if (ids.Contains(Guid.Empty))
                errors["itemIds"] = ["Not a valid item id."];
            else if (ids.Distinct().Count() != ids.Count)
                errors["itemIds"] = ["An item is listed twice."];
        }
        StockRules.CheckText(errors, null, request.Note);
        return errors;
    }

    public static Dictionary<string, string[]> Validate(RecordCountsRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Lines is not { Count: > 0 } lines)
        {
            errors["lines"] = ["Give at least one counted line."];
            return errors;
        }
        if (lines.Count > MaxItems)
            errors["lines"] = [$"At most {MaxItems} lines per request."];
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            StockRules.CheckId(errors, $"lines[{i}].itemId", line?.ItemId);
            if (line?.CountedQuantity is not { } q)
                errors[$"lines[{i}].countedQuantity"] = ["The counted quantity is required."];
            else if (q < 0)
                errors[$"lines[{i}].countedQuantity"] = ["A counted quantity cannot be negative."];
            else
                Amounts.Check(errors, $"lines[{i}].countedQuantity", q);
        }
        if (!errors.ContainsKey("lines") && lines.Where(l => l?.ItemId is not null).GroupBy(l => l.ItemId).Any(g => g.Count() > 1))
            errors["lines"] = ["An item is listed twice."];
        return errors;
    }
}
