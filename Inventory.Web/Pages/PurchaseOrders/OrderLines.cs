namespace Inventory.Web.Pages.PurchaseOrders;

/// <summary>Turns the form's rows into the API's lines, and says where the API's line errors go back on the form.</summary>
public sealed class OrderLines(CatalogClient catalog)
{
    /// <summary>
    /// The lines to send, and for each the form row it came from. Rows whose SKU is missing or unknown get an error
    /// next to their SKU; an unreachable catalog is returned as the problem (no lines).
    /// </summary>
    public async Task<(List<OrderLineWrite> Lines, List<int> Rows, ApiProblem? Problem)> ResolveAsync(
        OrderInput input, ModelStateDictionary modelState, CancellationToken ct)
    {
        var lines = new List<OrderLineWrite>();
        var rows = new List<int>();
        var found = new Dictionary<string, Guid?>(StringComparer.OrdinalIgnoreCase);
        for (var row = 0; row < input.Lines.Count; row++)
        {
            var line = input.Lines[row];
            if (line.IsBlank)
                continue;
            var sku = line.Sku?.Trim();
            if (string.IsNullOrEmpty(sku))
            {
                modelState.AddModelError(SkuKey(row), "Enter the item's SKU.");
                continue;
            }
            var itemId = line.ItemId is not null && string.Equals(line.KnownSku, sku, StringComparison.OrdinalIgnoreCase) ? line.ItemId : null;
            if (itemId is null && !found.TryGetValue(sku, out itemId))
            {
                var result = await catalog.FindItemAsync(sku, ct);
                if (!result.Succeeded)
                    return ([], [], result.Problem);
                found[sku] = itemId = result.Value?.Id;
            }
            if (itemId is null)
            {
                modelState.AddModelError(SkuKey(row), $"No active catalog item has SKU {sku}.");
                continue;
            }
            line.ItemId = itemId;
            line.KnownSku = sku;
            lines.Add(new OrderLineWrite(itemId, line.Quantity, line.UnitPrice));
            rows.Add(row);
        }
        return (lines, rows, null);
    }

    /// <summary>The API's <c>lines[i]</c> is the form row <paramref name="rows"/>[i]; its item id is that row's SKU.</summary>
    public static FieldMap Fields(IReadOnlyList<int> rows) => new FieldMap("Input").Rows("lines", rows).Rename("itemId", "sku");

    private static string SkuKey(int row) => $"Input.Lines[{row}].Sku";
}
