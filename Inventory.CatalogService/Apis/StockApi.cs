using Inventory.CatalogService.Data;
using Inventory.CatalogService.Items;
using Inventory.CatalogService.Stock;
using Inventory.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Inventory.CatalogService.Apis;

public static class StockApi
{
    private const string LevelOrdering = "item,location";
    private const string LowOrdering = "sku";

    public static IEndpointRouteBuilder MapStockApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/stock").WithTags("Stock");
        api.MapGet("/", ListStockLevels).WithName("ListStockLevels")
            .WithSummary("Stock levels per item and location, by item or location, a page at a time")
            .RequireAuthorization(Policies.Read);
        api.MapGet("/low", ListLowStock).WithName("ListLowStock")
            .WithSummary("Active items at or below their reorder point, by SKU, a page at a time")
            .RequireAuthorization(Policies.Read);
        return app;
    }

    public static async Task<Results<Ok<Page<StockLevelDto>>, ValidationProblem>> ListStockLevels(
        CatalogDbContext db, string? itemId = null, string? locationId = null, string? includeZero = null, string? pageSize = null,
        string? after = null, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        var size = Paging.ReadPage(errors, pageSize, after, LevelOrdering, 2, out var key);
        var item = QueryValues.Guid(errors, "itemId", itemId);
        var location = QueryValues.Guid(errors, "locationId", locationId);
        var withZero = QueryValues.Bool(errors, "includeZero", includeZero);
        var (afterItem, afterLocation) = (Guid.Empty, Guid.Empty);
        if (key is not null && !(Guid.TryParse(key[0], out afterItem) && Guid.TryParse(key[1], out afterLocation)))
            errors["after"] = [Paging.InvalidCursor];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var query = db.StockLevels.AsNoTracking();
        if (item is not null)
            query = query.Where(s => s.ItemId == item);
        if (location is not null)
            query = query.Where(s => s.LocationId == location);
        if (!withZero)
            query = query.Where(s => s.OnHand != 0);
        if (key is not null)
            query = query.Where(s => EF.Functions.GreaterThan(ValueTuple.Create(s.ItemId, s.LocationId), ValueTuple.Create(afterItem, afterLocation)));
        var rows = await (from s in query.OrderBy(s => s.ItemId).ThenBy(s => s.LocationId).Take(size + 1)
                          join i in db.Items on s.ItemId equals i.Id
                          join l in db.Locations on s.LocationId equals l.Id
                          orderby s.ItemId, s.LocationId
                          select new StockLevelDto(s.ItemId, i.Sku, s.LocationId, l.Code, l.Path, s.OnHand, s.UpdatedAt, l.Name)).ToListAsync(ct);
        return TypedResults.Ok(Paging.ToPage(rows, size, r => r, LevelOrdering, r => [r.ItemId.ToString(), r.LocationId.ToString()]));
    }

    public static async Task<Results<Ok<Page<LowStockDto>>, ValidationProblem>> ListLowStock(
        CatalogDbContext db, string? pageSize = null, string? after = null, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        var size = Paging.ReadPage(errors, pageSize, after, LowOrdering, 1, out var key);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        // The partial index ix_item_stock_totals_low_stock_sku holds the low totals of active items in SKU order
        // (LowStockSql): a page is a range of it from the cursor on, each row joined to its item and category.
        var afterSku = key?[0];
        var rows = await db.SqlRowsAsync<LowStockDto>($"""
            SELECT t.item_id, i.sku, i.name, i.unit, t.on_hand, t.reorder_point, i.reorder_quantity, i.preferred_supplier_id,
                   c.path AS category_path
            FROM item_stock_totals t JOIN items i ON i.id = t.item_id LEFT JOIN categories c ON c.id = i.category_id
            WHERE t.on_hand <= t.reorder_point AND NOT t.is_archived AND t.sku_normalized > {afterSku ?? ""}
            ORDER BY t.sku_normalized, t.item_id
            LIMIT {size + 1}
            """, ct);
        return TypedResults.Ok(Paging.ToPage(rows, size, r => r, LowOrdering, r => [ItemRules.SkuKey(r.Sku)]));
    }
}
