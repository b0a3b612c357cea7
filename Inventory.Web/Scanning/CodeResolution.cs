using Inventory.Web.Services.Catalog;
using Inventory.Web.Services.Procurement;

namespace Inventory.Web.Scanning;

/// <summary>
/// What a scanned or typed code names exactly, regardless of case: items (SKU, barcode), locations (barcode, code) and
/// purchase orders (number). <see cref="Problems"/> holds why a service could not answer (its part is then empty).
/// </summary>
public sealed record CodeResolution(string Code, IReadOnlyList<ItemSummary> Items, IReadOnlyList<CatalogLocation> Locations,
    IReadOnlyList<PurchaseOrderSummary> Orders, IReadOnlyList<ApiProblem> Problems)
{
    public int Count => Items.Count + Locations.Count + Orders.Count;

    /// <summary>The page of the one thing the code names (null when it names none or several, or a service did not answer).</summary>
    public string? SingleTarget => Count != 1 || Problems.Count > 0 ? null
        : Items.Count == 1 ? ScanTargets.Item(Items[0].Id)
        : Locations.Count == 1 ? ScanTargets.Location(Locations[0].Id)
        : ScanTargets.Order(Orders[0].Id);
}

/// <summary>Where a scan opens each kind of thing: the item page, the location's stock, the order.</summary>
public static class ScanTargets
{
    public static string Item(Guid id) => $"/inventory/{id}";
    public static string Location(Guid id) => $"/inventory?locationId={id}";
    public static string Order(Guid id) => $"/purchase-orders/{id}";
}
