using Inventory.CatalogService.Audit;
using Inventory.CatalogService.Common;
using Inventory.CatalogService.Data;
using Inventory.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace Inventory.CatalogService.Items;

public sealed record ImportResult(int Created, int Updated, int Unchanged);

/// <summary>
/// Imports an item CSV file all or nothing: every row creates or updates the item of its SKU (regardless of case),
/// audited row by row, in one transaction — or every problem is reported by row and field (also the checks against
/// the catalog for rows that have errors of their own, so one round fixes the file) and nothing is stored.
/// </summary>
public sealed class ItemImport(CatalogDbContext db, MasterDataChanges changes)
{
    public async Task<Outcome<ImportResult>> RunAsync(Stream csv, CancellationToken ct)
    {
        db.Database.SetCommandTimeout(TimeBudgets.LongRunning); // a whole file is one transaction
        var (all, errors) = await ItemCsvReader.ReadAsync(csv, ct);
        if (ImportErrors.ForTheFile(errors))
            return Problems.Invalid(ImportErrors.Capped(errors));
        // A row without a valid SKU or unit cannot be looked up; its own errors say so.
        var rows = all.Where(r => !r.Errors.ContainsKey("sku") && !r.Errors.ContainsKey("unit")).ToList();

        // Categories by path, existing items by SKU, and barcodes held by other items: three queries for the whole file.
        var paths = rows.Where(r => r.CategoryPath is not null).Select(r => r.CategoryPath!).Distinct().ToList();
        var categories = await db.Categories.AsNoTracking().Where(c => paths.Contains(c.Path))
            .Select(c => new { c.Path, c.Id, c.IsArchived }).ToDictionaryAsync(c => c.Path, ct);
        var skus = rows.Select(r => ItemRules.SkuKey(r.Request.Sku!)).ToList();
        var existing = await db.Items.Where(i => skus.Contains(i.SkuNormalized)).ToDictionaryAsync(i => i.SkuNormalized, ct);
        var barcodes = rows.Select(r => ItemRules.NormalizeBarcode(r.Request.Barcode)).OfType<string>().ToList();
        var barcodeOwners = await db.Items.AsNoTracking().Where(i => i.Barcode != null && barcodes.Contains(i.Barcode))
            .Select(i => new { i.Barcode, i.SkuNormalized }).ToDictionaryAsync(i => i.Barcode!, i => i.SkuNormalized, ct);
        await RefuseFractionalToIndivisibleAsync(rows, existing, errors, ct);

        foreach (var row in rows)
        {
            var sku = ItemRules.SkuKey(row.Request.Sku!);
            if (row.CategoryPath is not null)
            {
                if (!categories.TryGetValue(row.CategoryPath, out var category))
                    ImportErrors.Add(errors, ItemCsv.Key(row.Number, "category"), $"No category '{row.CategoryPath}'.");
                else if (category.IsArchived && existing.GetValueOrDefault(sku)?.CategoryId != category.Id)
                    ImportErrors.Add(errors, ItemCsv.Key(row.Number, "category"), $"The category '{row.CategoryPath}' is archived.");
            }
            if (ItemRules.NormalizeBarcode(row.Request.Barcode) is { } barcode && barcodeOwners.TryGetValue(barcode, out var owner) && owner != sku)
                ImportErrors.Add(errors, ItemCsv.Key(row.Number, "barcode"), $"Barcode '{barcode}' belongs to item {owner}.");
        }
        if (errors.Count > 0)
            return Problems.Invalid(ImportErrors.Capped(errors));

        int created = 0, updated = 0, unchanged = 0;
        foreach (var row in rows)
        {
            var fields = row.Request with { CategoryId = row.CategoryPath is null ? null : categories[row.CategoryPath].Id };
            if (existing.TryGetValue(ItemRules.SkuKey(fields.Sku!), out var item))
            {
                var before = item.AuditFields();
                item.Apply(fields);
                if (changes.Edited(item, AuditEntityTypes.Item, AuditActions.Update, before, item.Version))
                    updated++;
                else
                    unchanged++;
            }
            else
            {
                item = new Item();
                item.Apply(fields);
                db.Items.Add(item);
                changes.Created(item, AuditEntityTypes.Item);
                created++;
            }
        }
        try
        {
            await db.SaveChangesAsync(ct); // one transaction: every row or none
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict("body", "Items in the file were changed meanwhile; import the file again.");
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            return Problems.Conflict("body", "A SKU or barcode in the file was taken meanwhile (or barcodes swap between items); nothing was imported.");
        }
        return new ImportResult(created, updated, unchanged);
    }

    /// <summary>An existing item may not become indivisible while some of its stock is fractional (as in an edit).</summary>
    private async Task RefuseFractionalToIndivisibleAsync(List<ItemCsv.Row> rows, Dictionary<string, Item> existing,
        Dictionary<string, string[]> errors, CancellationToken ct)
    {
        var toIndivisible = rows.Select(r => (Row: r, Item: existing.GetValueOrDefault(ItemRules.SkuKey(r.Request.Sku!)), Unit: r.Request.Unit!.Trim()))
            .Where(x => x.Item is not null && !ItemRules.IsDivisible(x.Unit) && x.Item.Unit != x.Unit.ToLowerInvariant())
            .ToList();
        if (toIndivisible.Count == 0)
            return;
        var ids = toIndivisible.Select(x => x.Item!.Id).ToList();
        var fractional = (await db.StockLevels.AsNoTracking().Where(s => ids.Contains(s.ItemId) && s.OnHand != decimal.Truncate(s.OnHand))
            .Select(s => s.ItemId).Distinct().ToListAsync(ct)).ToHashSet();
        foreach (var (row, item, unit) in toIndivisible.Where(x => fractional.Contains(x.Item!.Id)))
            ImportErrors.Add(errors, ItemCsv.Key(row.Number, "unit"), $"Stock of {item!.Sku} has fractional quantities, which '{unit}' cannot hold.");
    }
}
