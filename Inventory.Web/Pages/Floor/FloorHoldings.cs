namespace Inventory.Web.Pages.Floor;

/// <summary>
/// What a location holds of each line's item, said on the line (Put away / move: the source; Pick / issue: the
/// location picked from), and a warning before confirming more than it holds — the catalog refuses that unless the
/// location allows negative stock. Read from each item's stock per location, so it is the quantity at exactly that
/// location, not the locations under it.
/// </summary>
public static class FloorHoldings
{
    public static async Task DescribeAsync(CatalogClient catalog, CatalogLocation location, IReadOnlyList<FloorLine> lines, CancellationToken ct)
    {
        var items = await Task.WhenAll(lines.Select(l => catalog.GetItemAsync(l.ItemId, ct)));
        for (var i = 0; i < lines.Count; i++)
            Describe(lines[i], location, items[i]);
    }

    private static void Describe(FloorLine line, CatalogLocation location, ApiResult<ItemDetail> item)
    {
        if (!item.Succeeded)
        {
            line.Warning ??= item.Problem.IsNotFound ? $"{line.Sku} is gone: remove it." : item.Problem.Title;
            return;
        }
        var held = item.Value.Stock.FirstOrDefault(s => s.LocationId == location.Id)?.OnHand ?? 0;
        var unit = item.Value.Unit;
        line.Note = $"{location.Code} holds {Format.Quantity(held)} {unit}";
        if (line.Quantity > held && !location.AllowsNegative)
            line.Warning ??= $"More than the {Format.Quantity(held)} {unit} at {location.Code}.";
    }
}
