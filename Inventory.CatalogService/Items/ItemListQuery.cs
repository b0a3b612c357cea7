using System.Globalization;
using Inventory.CatalogService.Common;
using Inventory.CatalogService.Data;
using Microsoft.EntityFrameworkCore;

namespace Inventory.CatalogService.Items;

/// <summary>
/// The item list: filters, four sort orders, and keyset pages whose cursor holds the sort key and the id of the
/// last row, so any page costs what the first costs (each order has an index on (key, id)).
/// </summary>
public sealed record ItemListQuery(string? Search, Guid? CategoryId, Guid? LocationId, bool LowStock, string Archived, string Sort, bool Descending)
{
    public static readonly string[] Sorts = ["sku", "name", "onHand", "updatedAt"];
    public static readonly string[] ArchivedFilters = ["active", "archived", "all"];

    public string Ordering => $"{Sort}:{(Descending ? "desc" : "asc")}";

    public async Task<Page<ItemDto>?> RunAsync(CatalogDbContext db, int size, string[]? afterKey, CancellationToken ct)
    {
        var query = db.Items.AsNoTracking();
        query = Archived switch
        {
            "archived" => query.Where(i => i.IsArchived),
            "all" => query,
            _ => query.Where(i => !i.IsArchived),
        };
        if (Search is { } term)
        {
            var pattern = Paging.ContainsPattern(term);
            query = query.Where(i => EF.Functions.ILike(i.Sku, pattern, "\\") || EF.Functions.ILike(i.Name, pattern, "\\") || i.Barcode == term);
        }
        if (CategoryId is { } categoryId)
        {
            var prefix = await db.Categories.Where(c => c.Id == categoryId).Select(c => c.PathIds).FirstOrDefaultAsync(ct);
            if (prefix is null)
                return new Page<ItemDto>([], null);
            var categoryIds = db.Categories.Where(c => EF.Functions.Like(c.PathIds, prefix + "%")).Select(c => (Guid?)c.Id);
            query = query.Where(i => categoryIds.Contains(i.CategoryId));
        }
        if (LocationId is { } locationId)
        {
            var prefix = await db.Locations.Where(l => l.Id == locationId).Select(l => l.PathIds).FirstOrDefaultAsync(ct);
            if (prefix is null)
                return new Page<ItemDto>([], null);
            var locationIds = await db.Locations.Where(l => EF.Functions.Like(l.PathIds, prefix + "%")).Select(l => l.Id).ToListAsync(ct);
            query = query.Where(i => db.StockLevels.Any(s => s.ItemId == i.Id && locationIds.Contains(s.LocationId) && s.OnHand != 0));
        }
        if (LowStock)
            query = query.Where(i => i.OnHand <= i.ReorderPoint);

        if (afterKey is not null)
        {
            if (!Guid.TryParse(afterKey[1], out var id))
                return null;
            var after = After(query, afterKey[0], id);
            if (after is null)
                return null;
            query = after;
        }

        var rows = await Order(query).Take(size + 1).Select(ItemQueries.AsDto).ToListAsync(ct);
        return Paging.ToPage(rows, size, r => r, Ordering, r => [KeyOf(r), r.Id.ToString()]);
    }

    private IQueryable<Item> Order(IQueryable<Item> q) => (Sort, Descending) switch
    {
        ("name", false) => q.OrderBy(i => i.Name).ThenBy(i => i.Id),
        ("name", true) => q.OrderByDescending(i => i.Name).ThenByDescending(i => i.Id),
        ("onHand", false) => q.OrderBy(i => i.OnHand).ThenBy(i => i.Id),
        ("onHand", true) => q.OrderByDescending(i => i.OnHand).ThenByDescending(i => i.Id),
        ("updatedAt", false) => q.OrderBy(i => i.UpdatedAt).ThenBy(i => i.Id),
        ("updatedAt", true) => q.OrderByDescending(i => i.UpdatedAt).ThenByDescending(i => i.Id),
        (_, false) => q.OrderBy(i => i.SkuNormalized).ThenBy(i => i.Id),
        (_, true) => q.OrderByDescending(i => i.SkuNormalized).ThenByDescending(i => i.Id),
    };

    // Row-value comparisons, (key, id) > (@key, @id), which PostgreSQL answers from the (key, id) index.
    private IQueryable<Item>? After(IQueryable<Item> q, string value, Guid id)
    {
        switch (Sort)
        {
            case "name":
                return Descending
                    ? q.Where(i => EF.Functions.LessThan(ValueTuple.Create(i.Name, i.Id), ValueTuple.Create(value, id)))
                    : q.Where(i => EF.Functions.GreaterThan(ValueTuple.Create(i.Name, i.Id), ValueTuple.Create(value, id)));
            case "onHand":
                if (!decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var onHand))
                    return null;
                return Descending
                    ? q.Where(i => EF.Functions.LessThan(ValueTuple.Create(i.OnHand, i.Id), ValueTuple.Create(onHand, id)))
                    : q.Where(i => EF.Functions.GreaterThan(ValueTuple.Create(i.OnHand, i.Id), ValueTuple.Create(onHand, id)));
            case "updatedAt":
                if (!Cursors.TryTime(value, out var updatedAt))
                    return null;
                return Descending
                    ? q.Where(i => EF.Functions.LessThan(ValueTuple.Create(i.UpdatedAt, i.Id), ValueTuple.Create(updatedAt, id)))
                    : q.Where(i => EF.Functions.GreaterThan(ValueTuple.Create(i.UpdatedAt, i.Id), ValueTuple.Create(updatedAt, id)));
            default:
                return Descending
                    ? q.Where(i => EF.Functions.LessThan(ValueTuple.Create(i.SkuNormalized, i.Id), ValueTuple.Create(value, id)))
                    : q.Where(i => EF.Functions.GreaterThan(ValueTuple.Create(i.SkuNormalized, i.Id), ValueTuple.Create(value, id)));
        }
    }

    private string KeyOf(ItemDto row) => Sort switch
    {
        "name" => row.Name,
        "onHand" => row.OnHand.ToString(CultureInfo.InvariantCulture),
        "updatedAt" => Cursors.Time(row.UpdatedAt),
        _ => ItemRules.SkuKey(row.Sku),
    };
}
