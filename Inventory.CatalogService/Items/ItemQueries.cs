using System.Linq.Expressions;
using Inventory.CatalogService.Data;
using Inventory.CatalogService.Stock;
using Microsoft.EntityFrameworkCore;

namespace Inventory.CatalogService.Items;

/// <summary>The reads of items: one mapping to <see cref="ItemDto"/>, used by lists, lookups and the answers of writes.</summary>
public static class ItemQueries
{
    public const int RecentMovements = 20;

    public static readonly Expression<Func<Item, ItemDto>> AsDto = i => new ItemDto
    {
        Id = i.Id, Sku = i.Sku, Name = i.Name, Description = i.Description, Unit = i.Unit, UnitCost = i.UnitCost,
        ReorderPoint = i.ReorderPoint, ReorderQuantity = i.ReorderQuantity, IsArchived = i.IsArchived, CreatedAt = i.CreatedAt,
        UpdatedAt = i.UpdatedAt, CategoryId = i.CategoryId, CategoryPath = i.Category != null ? i.Category.Path : null,
        Barcode = i.Barcode, PreferredSupplierId = i.PreferredSupplierId, OnHand = i.OnHand, Version = i.Version,
    };

    public static Task<ItemDto> ReadAsync(CatalogDbContext db, Guid id, CancellationToken ct) =>
        db.Items.AsNoTracking().Where(i => i.Id == id).Select(AsDto).SingleAsync(ct);

    /// <summary>
    /// The item with its stock per location and its latest movements: three queries, whatever the data size, in one
    /// REPEATABLE READ snapshot, so under concurrent movements the total still equals the sum of the stock rows and
    /// the newest movement at each location shows that location's balance (each READ COMMITTED query would see a
    /// later moment). Read-only: it takes no locks and a writer never waits for it.
    /// </summary>
    public static Task<ItemDetailDto?> DetailAsync(CatalogDbContext db, Guid id, CancellationToken ct) =>
        db.InTransactionAsync(async _ =>
        {
            // Allowed before the transaction's first query; the rollback at disposal ends it.
            await db.Database.ExecuteSqlRawAsync("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY", ct);
            return await ReadDetailAsync(db, id, ct);
        }, ct);

    private static async Task<ItemDetailDto?> ReadDetailAsync(CatalogDbContext db, Guid id, CancellationToken ct)
    {
        var item = await db.Items.AsNoTracking().Where(i => i.Id == id).Select(AsDto).FirstOrDefaultAsync(ct);
        if (item is null)
            return null;
        var stock = await (from s in db.StockLevels.AsNoTracking()
                           join l in db.Locations on s.LocationId equals l.Id
                           where s.ItemId == id
                           orderby l.Path
                           select new StockLevelDto(s.ItemId, item.Sku, s.LocationId, l.Code, l.Path, s.OnHand, s.UpdatedAt, l.Name)).ToListAsync(ct);
        var movements = await db.Movements.AsNoTracking().Where(m => m.ItemId == id)
            .OrderByDescending(m => m.OccurredAt).ThenByDescending(m => m.Seq).Take(RecentMovements).ToListAsync(ct);
        return new ItemDetailDto(item, stock, movements.Select(MovementDto.From).ToList());
    }

    /// <summary>
    /// The active item a scanned or typed code names: its SKU (regardless of case) or its barcode. A code that is one
    /// item's SKU and another's barcode names the SKU's item: the SKU is the catalog's own key.
    /// </summary>
    public static Task<ItemDto?> LookupAsync(CatalogDbContext db, string code, CancellationToken ct)
    {
        var sku = ItemRules.SkuKey(code);
        var barcode = ItemRules.NormalizeBarcode(code);
        return db.Items.AsNoTracking().Where(i => !i.IsArchived && (i.SkuNormalized == sku || i.Barcode == barcode))
            .OrderBy(i => i.SkuNormalized == sku ? 0 : 1).Select(AsDto).FirstOrDefaultAsync(ct);
    }
}
