using Inventory.ProcurementService.Catalog;
using Inventory.ProcurementService.Data;
using Inventory.ProcurementService.PurchaseOrders;
using Microsoft.EntityFrameworkCore;

namespace Inventory.ProcurementService.Replenishment;

/// <summary>Reads low stock from the catalog, nets it of what is on order here, and turns chosen suggestions into drafts.</summary>
public sealed class ReplenishmentService(ProcurementDbContext db, CatalogLookupClient catalog, PurchaseOrderService orders, TimeProvider clock)
{
    private static readonly PurchaseOrderStatus[] OpenStatuses =
        [PurchaseOrderStatus.Draft, PurchaseOrderStatus.Submitted, PurchaseOrderStatus.PartiallyReceived];

    public async Task<IReadOnlyList<Suggestion>> SuggestAsync(CancellationToken ct)
    {
        var lowStock = await catalog.ListLowStockAsync(ct);
        return await SuggestForAsync(lowStock, ct);
    }

    public static IReadOnlyList<SuggestionGroup> Group(IEnumerable<Suggestion> suggestions) =>
        suggestions.GroupBy(s => (s.Supplier?.SupplierId, s.Supplier?.SupplierName))
            .OrderBy(g => g.Key.SupplierName is null).ThenBy(g => g.Key.SupplierName)
            .Select(g => new SuggestionGroup(g.Key.SupplierId, g.Key.SupplierName, g.OrderBy(s => s.Sku).ToList()))
            .ToList();

    /// <summary>
    /// Creates one draft per supplier from the current suggestions for <paramref name="itemIds"/>, inside the caller's
    /// transaction. A transaction-scoped advisory lock makes two people doing this at once take turns, so they cannot
    /// both order the same shortfall: the second sees the first's drafts as on order.
    /// </summary>
    public async Task<Outcome<CreateDraftsResult>> CreateDraftsAsync(IReadOnlyList<Guid> itemIds, string createdBy, CancellationToken ct)
    {
        IReadOnlyList<CatalogItem> lowStock;
        try
        {
            lowStock = (await catalog.ListLowStockAsync(ct)).Where(i => itemIds.Contains(i.Id)).ToList();
        }
        catch (CatalogUnavailableException)
        {
            return Problems.Unavailable("catalog service");
        }
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext('replenishment'))", ct);

        var suggestions = await SuggestForAsync(lowStock, ct);
        var skipped = itemIds.Where(id => suggestions.All(s => s.ItemId != id))
            .Select(id => new SkippedItem(id, "Not below its reorder point once stock on order is counted."))
            .Concat(suggestions.Where(s => s.Supplier is null).Select(s => new SkippedItem(s.ItemId, $"No supplier sells {s.Sku}.")))
            .ToList();

        var drafts = new List<PurchaseOrder>();
        var now = clock.DatabaseNow();
        foreach (var group in suggestions.Where(s => s.Supplier is not null).GroupBy(s => s.Supplier!.SupplierId))
        {
            var supplier = await db.Suppliers.AsNoTracking().FirstAsync(s => s.Id == group.Key, ct);
            if (supplier.IsArchived)
            {
                skipped.AddRange(group.Select(s => new SkippedItem(s.ItemId, $"Supplier {supplier.Name} is archived.")));
                continue;
            }
            var order = PurchaseOrderService.NewDraft(supplier, createdBy, now, "Created from replenishment suggestions.");
            var lineNumber = 0;
            order.Lines.AddRange(group.OrderBy(s => s.Sku).Select(s => new PurchaseOrderLine
            {
                PurchaseOrderId = order.Id, LineNumber = ++lineNumber, ItemId = s.ItemId, ItemSku = s.Sku, Description = s.Name,
                QuantityOrdered = s.SuggestedQuantity, UnitPrice = s.Supplier!.UnitPrice,
            }));
            drafts.Add(order);
        }
        await orders.AddDraftsAsync(drafts, ct);
        return new CreateDraftsResult(drafts.Select(d => new CreatedDraft(d.Id, d.Number, d.SupplierId, d.Lines.Count)).ToList(), skipped);
    }

    private async Task<IReadOnlyList<Suggestion>> SuggestForAsync(IReadOnlyList<CatalogItem> lowStock, CancellationToken ct)
    {
        var ids = lowStock.Select(i => i.Id).ToList();
        var onOrder = await db.PurchaseOrderLines.AsNoTracking()
            .Where(l => ids.Contains(l.ItemId) && db.PurchaseOrders.Any(o => o.Id == l.PurchaseOrderId && OpenStatuses.Contains(o.Status)))
            .GroupBy(l => l.ItemId)
            .Select(g => new { ItemId = g.Key, Open = g.Sum(l => l.QuantityOrdered > l.QuantityReceived ? l.QuantityOrdered - l.QuantityReceived : 0) })
            .ToDictionaryAsync(x => x.ItemId, x => x.Open, ct);
        var terms = await db.SupplierItems.AsNoTracking()
            .Where(si => ids.Contains(si.ItemId) && !si.Supplier!.IsArchived)
            .Select(si => new { si.ItemId, Terms = new SupplierTerms(si.SupplierId, si.Supplier!.Name, si.UnitPrice, si.MinimumOrderQuantity, si.IsPreferred, si.Supplier.Currency) })
            .ToListAsync(ct);
        var byItem = terms.GroupBy(t => t.ItemId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<SupplierTerms>)g.Select(t => t.Terms).ToList());
        return ReplenishmentCalculator.Suggest(lowStock, onOrder, byItem);
    }
}
