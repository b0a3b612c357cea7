using System.Globalization;
using System.Runtime.CompilerServices;
using Inventory.CatalogService.Common;
using Inventory.CatalogService.Data;
using Inventory.ServiceDefaults.Kit;
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

    /// <summary>
    /// Reads the list's query values (a bad one is an error naming it). <paramref name="defaultArchived"/> differs by
    /// use: the list shows active items unless told, a bare export writes every item.
    /// </summary>
    public static ItemListQuery Read(Dictionary<string, string[]> errors, string? search, string? categoryId, string? locationId,
        string? lowStock, string? archived, string? includeArchived, string? sort, string? dir, string defaultArchived = "active") => new(
        QueryValues.Text(errors, "search", search),
        QueryValues.Guid(errors, "categoryId", categoryId),
        QueryValues.Guid(errors, "locationId", locationId),
        QueryValues.Bool(errors, "lowStock", lowStock),
        QueryValues.Bool(errors, "includeArchived", includeArchived) ? "all" : QueryValues.OneOf(errors, "archived", archived, defaultArchived, ArchivedFilters),
        QueryValues.OneOf(errors, "sort", sort, "sku", Sorts),
        QueryValues.OneOf(errors, "dir", dir, "asc", "asc", "desc") == "desc");

    /// <summary>
    /// The items the filters select, unordered, and — when filtered by a location — the ids of that location and
    /// every location under it (whose stock the list shows). Null when the category or location does not exist.
    /// </summary>
    public async Task<(IQueryable<Item> Items, List<Guid>? LocationIds)?> FilterAsync(CatalogDbContext db, CancellationToken ct) =>
        await SelectAsync(db, ct) is { } selection ? (selection.InCategories(db), selection.LocationIds) : null;

    /// <summary>
    /// What the filters select, the category kept apart (<paramref name="CategoryPrefix"/>: the path_ids prefix of its
    /// subtree), so a list page can read the subtree category by category.
    /// </summary>
    private sealed record Selection(IQueryable<Item> Items, string? CategoryPrefix, List<Guid>? LocationIds)
    {
        public IQueryable<Item> InCategories(CatalogDbContext db)
        {
            if (CategoryPrefix is not { } prefix)
                return Items;
            var categoryIds = db.Categories.Where(c => EF.Functions.Like(c.PathIds, prefix + "%")).Select(c => (Guid?)c.Id);
            return Items.Where(i => categoryIds.Contains(i.CategoryId));
        }
    }

    /// <summary>Terms this long or longer have trigrams, so the trigram indexes find their matches.</summary>
    public const int TrigramSearchLength = 3;

    private async Task<Selection?> SelectAsync(CatalogDbContext db, CancellationToken ct)
    {
        var query = (Search is { Length: >= TrigramSearchLength } term ? Matching(db, term) : db.Items).AsNoTracking();
        query = Archived switch
        {
            "archived" => query.Where(i => i.IsArchived),
            "all" => query,
            _ => query.Where(i => !i.IsArchived),
        };
        if (Search is { Length: < TrigramSearchLength } shortTerm)
        {
            // Too short for a trigram: such a term matches many items, and walking the sort order finds a page soon.
            var pattern = Paging.ContainsPattern(shortTerm);
            query = query.Where(i => EF.Functions.ILike(i.Sku, pattern, "\\") || EF.Functions.ILike(i.Name, pattern, "\\") || i.Barcode == shortTerm);
        }
        string? categoryPrefix = null;
        if (CategoryId is { } categoryId)
        {
            categoryPrefix = await db.Categories.Where(c => c.Id == categoryId).Select(c => c.PathIds).FirstOrDefaultAsync(ct);
            if (categoryPrefix is null)
                return null;
        }
        List<Guid>? locationIds = null;
        if (LocationId is { } locationId)
        {
            var prefix = await db.Locations.Where(l => l.Id == locationId).Select(l => l.PathIds).FirstOrDefaultAsync(ct);
            if (prefix is null)
                return null;
            locationIds = await db.Locations.Where(l => EF.Functions.Like(l.PathIds, prefix + "%")).Select(l => l.Id).ToListAsync(ct);
            query = query.Where(i => db.StockLevels.Any(s => s.ItemId == i.Id && locationIds.Contains(s.LocationId) && s.OnHand != 0));
        }
        if (LowStock)
            query = query.Where(i => i.OnHand <= i.ReorderPoint);
        return new Selection(query, categoryPrefix, locationIds);
    }

    /// <summary>
    /// The items whose SKU or name contains <paramref name="term"/> (or whose barcode is it), found through the trigram
    /// indexes first. The CTE is MATERIALIZED so the planner cannot look through it: were it one query, a statistics
    /// refresh that raises the match estimate (20 → 1,000 rows) makes PostgreSQL walk the whole SKU index instead,
    /// testing each row (hundreds of ms instead of a few). This way a search costs what its matches cost.
    /// </summary>
    private static IQueryable<Item> Matching(CatalogDbContext db, string term)
    {
        var pattern = Paging.ContainsPattern(term);
        return db.Items.FromSql($"""
            WITH matches AS MATERIALIZED (
                SELECT id FROM items WHERE sku ILIKE {pattern} ESCAPE '\' OR name ILIKE {pattern} ESCAPE '\' OR barcode = {term})
            SELECT i.*, t.on_hand, t.reorder_point
            FROM matches m JOIN items i ON i.id = m.id JOIN item_stock_totals t ON t.item_id = m.id
            """);
    }

    public async Task<Page<ItemDto>?> RunAsync(CatalogDbContext db, int size, string[]? afterKey, CancellationToken ct)
    {
        if (await SelectAsync(db, ct) is not { } selection)
            return new Page<ItemDto>([], null);

        // Only the category (and whether archived items show) filters: the page is read category by category.
        if (selection.CategoryPrefix is { } prefix && Sort == "sku" && Search is null && LocationId is null && !LowStock)
        {
            var afterId = Guid.Empty;
            if (afterKey is not null && !Guid.TryParse(afterKey[1], out afterId))
                return null;
            var afterSku = afterKey?[0];
            var perCategory = await Order(PerCategory(db, prefix, afterSku, afterId, size + 1)).Take(size + 1).Select(ItemQueries.AsDto).ToListAsync(ct);
            return Paging.ToPage(perCategory, size, r => r, Ordering, r => [KeyOf(r), r.Id.ToString()]);
        }

        var query = selection.Items;
        if (afterKey is not null)
        {
            if (!Guid.TryParse(afterKey[1], out var id))
                return null;
            var after = After(query, afterKey[0], id);
            if (after is null)
                return null;
            query = after;
        }
        var ordered = (selection with { Items = query }).InCategories(db);
        var rows = await Order(ordered).Take(size + 1).Select(ItemQueries.AsDto).ToListAsync(ct);
        if (selection.LocationIds is { } locationIds)
            rows = await WithLocationOnHandAsync(db, rows, locationIds, ct);
        return Paging.ToPage(rows, size, r => r, Ordering, r => [KeyOf(r), r.Id.ToString()]);
    }

    /// <summary>
    /// A page in SKU order of a category's subtree: one range of the (category_id, sku_normalized, id) index per
    /// category (LATERAL), each at most a page long and starting after the cursor, then those few rows sorted — instead
    /// of walking every SKU in order until enough of the subtree's turn up (SKUs start with their category's letters, so
    /// that read most of the index: 80,000 rows for a page of the last category at 100k items). SQL, because EF turns a
    /// per-category Take into ROW_NUMBER over every item of the subtree.
    /// </summary>
    private IQueryable<Item> PerCategory(CatalogDbContext db, string prefix, string? afterSku, Guid afterId, int take)
    {
        var (after, direction) = Descending ? ("<", "DESC") : (">", "ASC");
        var archived = Archived switch { "archived" => "AND is_archived", "all" => "", _ => "AND NOT is_archived" };
        var cursor = afterSku is null ? "" : $"AND (sku_normalized, id) {after} ({{2}}, {{3}})";
        object[] values = afterSku is null ? [prefix + "%", take] : [prefix + "%", take, afterSku, afterId];
        return db.Items.FromSql(FormattableStringFactory.Create($$"""
            SELECT i.*, t.on_hand, t.reorder_point
            FROM categories c
            CROSS JOIN LATERAL (
                SELECT * FROM items
                WHERE category_id = c.id {{archived}} {{cursor}}
                ORDER BY sku_normalized {{direction}}, id {{direction}}
                LIMIT {1}) i
            JOIN item_stock_totals t ON t.item_id = i.id
            WHERE c.path_ids LIKE {0}
            """, values));
    }

    /// <summary>Each row's quantity at the filtered location and the locations under it: one query for the page.</summary>
    private static async Task<List<ItemDto>> WithLocationOnHandAsync(CatalogDbContext db, List<ItemDto> rows, List<Guid> locationIds, CancellationToken ct)
    {
        var itemIds = rows.Select(r => r.Id).ToList();
        var here = await db.StockLevels.AsNoTracking()
            .Where(s => itemIds.Contains(s.ItemId) && locationIds.Contains(s.LocationId))
            .GroupBy(s => s.ItemId)
            .Select(g => new { ItemId = g.Key, OnHand = g.Sum(s => s.OnHand) })
            .ToDictionaryAsync(g => g.ItemId, g => g.OnHand, ct);
        return rows.Select(r => r with { LocationOnHand = here.GetValueOrDefault(r.Id) }).ToList();
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
                // On hand and id are columns of two tables (item_stock_totals, items): their row value comparison is no
                // index condition, so the bound on on_hand alone comes first, one of the (on_hand, item_id) index.
                return Descending
                    ? q.Where(i => i.OnHand <= onHand && EF.Functions.LessThan(ValueTuple.Create(i.OnHand, i.Id), ValueTuple.Create(onHand, id)))
                    : q.Where(i => i.OnHand >= onHand && EF.Functions.GreaterThan(ValueTuple.Create(i.OnHand, i.Id), ValueTuple.Create(onHand, id)));
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
