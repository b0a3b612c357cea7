using Inventory.ProcurementService.Audit;
using Inventory.ProcurementService.Catalog;
using Inventory.ProcurementService.Data;
using Microsoft.EntityFrameworkCore;

namespace Inventory.ProcurementService.Suppliers;

/// <summary>Links catalog items to suppliers with their terms, each change audited. Runs inside the caller's transaction.</summary>
public sealed class SupplierItemService(ProcurementDbContext db, CatalogLookupClient catalog, AuditTrail audit)
{
    public async Task<Outcome<SupplierItemDto>> CreateAsync(Guid supplierId, SupplierItemRequest request, CancellationToken ct)
    {
        var supplier = await db.Suppliers.AsNoTracking().FirstOrDefaultAsync(s => s.Id == supplierId, ct);
        if (supplier is null)
            return Problems.NotFound("supplier");
        if (supplier.IsArchived)
            return Problems.Conflict("supplierId", "The supplier is archived: archived suppliers take no new items.");

        CatalogItem? item;
        try
        {
            item = await catalog.GetItemAsync(request.ItemId!.Value, ct);
        }
        catch (CatalogUnavailableException)
        {
            return Problems.Unavailable("catalog service");
        }
        if (item is null)
            return Problems.Invalid("itemId", "No such catalog item.");
        if (item.IsArchived)
            return Problems.Conflict("itemId", "The item is archived: archived items take no new supplier links.");

        var supplierItem = new SupplierItem { SupplierId = supplierId, ItemId = item.Id, ItemSku = item.Sku, ItemName = item.Name };
        Apply(supplierItem, request);
        audit.Add(db, supplierItem, AuditEntityTypes.SupplierItem);
        return await SaveAsync(supplierItem, ct);
    }

    public async Task<Outcome<SupplierItemDto>> UpdateAsync(Guid id, SupplierItemRequest request, CancellationToken ct)
    {
        var supplierItem = await db.SupplierItems.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (supplierItem is null)
            return Problems.NotFound("supplier item");
        return audit.TryChange(db, supplierItem, request.Version!.Value, AuditEntityTypes.SupplierItem, AuditActions.Update,
                i => Apply(i, request))
            ? await SaveAsync(supplierItem, ct)
            : Problems.StaleVersion("supplier item");
    }

    /// <summary>Removes the link; the answer is what was removed.</summary>
    public async Task<Outcome<SupplierItemDto>> DeleteAsync(Guid id, CancellationToken ct)
    {
        var supplierItem = await db.SupplierItems.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (supplierItem is null)
            return Problems.NotFound("supplier item");
        db.SupplierItems.Remove(supplierItem);
        var fields = supplierItem.AuditFields();
        audit.Record(db, AuditEntityTypes.SupplierItem, supplierItem.Id, ProcurementAuditActions.Delete, fields,
            fields.ToDictionary(f => f.Key, _ => (object?)null));
        return await SaveAsync(supplierItem, ct);
    }

    private async Task<Outcome<SupplierItemDto>> SaveAsync(SupplierItem supplierItem, CancellationToken ct) =>
        await db.TrySaveAsync("supplier item", ct, constraint => constraint == SupplierItemConfiguration.PreferredPerItem
            ? Problems.Conflict("isPreferred", "The item already has a preferred supplier: unmark the other supplier first.")
            : Problems.Conflict("itemId", "The supplier already sells this item: edit the existing supplier item instead.")) is { } problem
            ? problem
            : SupplierItemDto.From(supplierItem);

    private static void Apply(SupplierItem item, SupplierItemRequest request)
    {
        item.SupplierSku = TextFields.Clean(request.SupplierSku);
        item.UnitPrice = request.UnitPrice!.Value;
        item.MinimumOrderQuantity = request.MinimumOrderQuantity ?? 0;
        item.LeadTimeDays = request.LeadTimeDays;
        item.IsPreferred = request.IsPreferred ?? false;
    }
}
