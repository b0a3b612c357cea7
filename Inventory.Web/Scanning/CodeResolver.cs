using Inventory.Web.Services.Catalog;
using Inventory.Web.Services.Procurement;

namespace Inventory.Web.Scanning;

/// <summary>
/// Turns one scanned code into what it names (the catalog's look-up and procurement's order numbers, asked at once), and
/// into search results when it names no one thing. The one resolver of the header's box, /scan and (later) floor mode.
/// </summary>
public sealed class CodeResolver(CatalogClient catalog, ProcurementClient procurement)
{
    public const int SearchSize = 20;

    public async Task<CodeResolution> ResolveAsync(string code, CancellationToken ct)
    {
        code = code.Trim();
        var lookup = catalog.LookupCodeAsync(code, ct);
        var orders = procurement.FindOrdersAsync(code, SearchSize, ct);
        var (found, numbered) = (await lookup, await orders);
        var exactOrders = numbered.Value?.Items.Where(o => string.Equals(o.Number, code, StringComparison.OrdinalIgnoreCase)).ToList() ?? [];
        return new CodeResolution(code, found.Value?.Items ?? [], found.Value?.Locations ?? [], exactOrders,
            new[] { found.Problem, numbered.Problem }.OfType<ApiProblem>().ToList());
    }

    /// <summary>Items whose SKU, name or barcode contain the code, locations whose path, name or barcode do, orders by number.</summary>
    public async Task<CodeResolution> SearchAsync(string code, CancellationToken ct)
    {
        code = code.Trim();
        var items = catalog.FindItemsAsync(new ItemQuery(code, null, null, false, "active", "sku", "asc"), null, SearchSize, ct);
        var locations = catalog.FindLocationsAsync(code, false, null, SearchSize, ct);
        var orders = procurement.FindOrdersAsync(code, SearchSize, ct);
        var (i, l, o) = (await items, await locations, await orders);
        return new CodeResolution(code, i.Value?.Items ?? [], l.Value?.Items ?? [], o.Value?.Items ?? [],
            new[] { i.Problem, l.Problem, o.Problem }.OfType<ApiProblem>().ToList());
    }
}
