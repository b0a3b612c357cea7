using Inventory.ProcurementService.Catalog;

namespace Inventory.ProcurementService.Replenishment;

/// <summary>A supplier's terms for an item, as the calculator needs them.</summary>
public sealed record SupplierTerms(Guid SupplierId, string SupplierName, decimal UnitPrice, decimal MinimumOrderQuantity, bool IsPreferred,
    string Currency);

public sealed record Suggestion(Guid ItemId, string Sku, string Name, string Unit, decimal OnHand, decimal OnOrder,
    decimal ReorderPoint, decimal ReorderQuantity, decimal SuggestedQuantity, SupplierTerms? Supplier);

/// <summary>
/// What to reorder. An item is suggested when its stock position (on hand + on order) ≤ reorder point. The
/// quantity covers the shortfall (reorder point − position) plus the reorder quantity — it orders up to reorder
/// point + reorder quantity, so once ordered the item is no longer suggested — raised to the supplier's minimum
/// order quantity and, for units that cannot be split, rounded up to a whole number. The supplier is
/// the item's preferred supplier item, else the catalog's preferred supplier if we buy the item from it, else
/// the cheapest supplier of the item; an item no supplier sells is suggested without one.
/// </summary>
public static class ReplenishmentCalculator
{
    private static readonly HashSet<string> DivisibleUnits = new(StringComparer.OrdinalIgnoreCase) { "kg", "g", "m", "cm", "l", "ml" };

    public static IReadOnlyList<Suggestion> Suggest(
        IEnumerable<CatalogItem> items,
        IReadOnlyDictionary<Guid, decimal> onOrder,
        IReadOnlyDictionary<Guid, IReadOnlyList<SupplierTerms>> suppliersByItem)
    {
        var suggestions = new List<Suggestion>();
        foreach (var item in items.Where(i => !i.IsArchived))
        {
            var ordered = onOrder.GetValueOrDefault(item.Id);
            if (item.OnHand + ordered > item.ReorderPoint)
                continue;

            var supplier = ChooseSupplier(item, suppliersByItem.GetValueOrDefault(item.Id) ?? []);
            var quantity = Quantity(item, ordered, supplier);
            if (quantity > 0)
                suggestions.Add(new Suggestion(item.Id, item.Sku, item.Name, item.Unit, item.OnHand, ordered,
                    item.ReorderPoint, item.ReorderQuantity, quantity, supplier));
        }
        return suggestions;
    }

    public static decimal Quantity(CatalogItem item, decimal onOrder, SupplierTerms? supplier)
    {
        var shortfall = Math.Max(0, item.ReorderPoint - item.OnHand - onOrder);
        var quantity = shortfall + item.ReorderQuantity;
        if (supplier is not null)
            quantity = Math.Max(quantity, supplier.MinimumOrderQuantity);
        return DivisibleUnits.Contains(item.Unit) ? quantity : Math.Ceiling(quantity);
    }

    private static SupplierTerms? ChooseSupplier(CatalogItem item, IReadOnlyList<SupplierTerms> suppliers) =>
        suppliers.FirstOrDefault(s => s.IsPreferred)
        ?? suppliers.FirstOrDefault(s => s.SupplierId == item.PreferredSupplierId)
        ?? suppliers.OrderBy(s => s.UnitPrice).FirstOrDefault();
}
