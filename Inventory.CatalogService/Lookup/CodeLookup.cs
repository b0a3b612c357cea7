using Inventory.CatalogService.Common;
using Inventory.CatalogService.Data;
using Inventory.CatalogService.Items;
using Inventory.CatalogService.Locations;
using Microsoft.EntityFrameworkCore;

namespace Inventory.CatalogService.Lookup;

/// <summary>What one scanned code names in the catalog: active items and locations, each matched exactly, regardless of case.</summary>
public sealed record CodeLookupDto(string Code, IReadOnlyList<ItemDto> Items, IReadOnlyList<LocationDto> Locations);

public static class CodeLookup
{
    /// <summary>
    /// Items whose SKU or barcode is the code, and locations whose barcode or code is; usually one row in all. A code
    /// may name an item and a location at once (each is unique only in its own kind): the caller shows both.
    /// Each comparison reads an index on upper(column).
    /// </summary>
    public static async Task<CodeLookupDto> FindAsync(CatalogDbContext db, string code, CancellationToken ct)
    {
        var key = Barcodes.Key(code);
        var items = await db.Items.AsNoTracking()
            .Where(i => !i.IsArchived && (i.SkuNormalized == key || (i.Barcode != null && i.Barcode.ToUpper() == key)))
            .OrderBy(i => i.SkuNormalized).Select(ItemQueries.AsDto).Take(10).ToListAsync(ct);
        var locations = await db.Locations.AsNoTracking()
            .Where(l => !l.IsArchived && (l.BarcodeNormalized == key || l.CodeNormalized == key))
            .OrderBy(l => l.Path).Take(10).ToListAsync(ct);
        return new CodeLookupDto(code.Trim(), items, locations.Select(LocationDto.From).ToList());
    }
}
