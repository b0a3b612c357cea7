using System.Globalization;
using Inventory.CatalogService.Common;
using Inventory.CatalogService.Data;
using Inventory.CatalogService.Stock;
using Inventory.ServiceDefaults;
using Inventory.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Inventory.CatalogService.Apis;

public static class StockApi
{
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
        PageRequest.Resolve(pageSize, after, out var size, out var afterKey, out var errors);
        var item = QueryValues.Guid(errors, "itemId", itemId);
        var location = QueryValues.Guid(errors, "locationId", locationId);
        var withZero = QueryValues.Bool(errors, "includeZero", includeZero);
        (Guid Item, Guid Location)? cursor = null;
        if (afterKey is not null)
        {
            if (Cursor.TryDecode(afterKey, "item,location", 2, out var key) && Guid.TryParse(key[0], out var i) && Guid.TryParse(key[1], out var l))
                cursor = (i, l);
            else
                errors["after"] = Cursor.Invalid()["after"];
        }
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var query = db.StockLevels.AsNoTracking();
        if (item is not null)
            query = query.Where(s => s.ItemId == item);
        if (location is not null)
            query = query.Where(s => s.LocationId == location);
        if (!withZero)
            query = query.Where(s => s.OnHand != 0);
        if (cursor is { } c)
            query = query.Where(s => EF.Functions.GreaterThan(ValueTuple.Create(s.ItemId, s.LocationId), ValueTuple.Create(c.Item, c.Location)));
        var rows = await (from s in query.OrderBy(s => s.ItemId).ThenBy(s => s.LocationId).Take(size + 1)
                          join i in db.Items on s.ItemId equals i.Id
                          join l in db.Locations on s.LocationId equals l.Id
                          orderby s.ItemId, s.LocationId
                          select new StockLevelDto(s.ItemId, i.Sku, s.LocationId, l.Code, l.Path, s.OnHand, s.UpdatedAt)).ToListAsync(ct);
        var next = rows.Count > size ? Cursor.Encode("item,location", rows[size - 1].ItemId.ToString(), rows[size - 1].LocationId.ToString()) : null;
        return TypedResults.Ok(new Page<StockLevelDto>(rows.Take(size).ToList(), next));
    }

    public static async Task<Results<Ok<Page<LowStockDto>>, ValidationProblem>> ListLowStock(
        CatalogDbContext db, string? pageSize = null, string? after = null, CancellationToken ct = default)
    {
        PageRequest.Resolve(pageSize, after, out var size, out var afterKey, out var errors);
        string[] key = [];
        if (afterKey is not null && !Cursor.TryDecode(afterKey, "sku", 1, out key))
            errors["after"] = Cursor.Invalid()["after"];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        // Same predicate as the partial index ix_items_low_stock, so this reads that small index in SKU order.
        var query = db.Items.AsNoTracking().Where(i => i.OnHand <= i.ReorderPoint && !i.IsArchived);
        if (key.Length == 1)
            query = query.Where(i => string.Compare(i.SkuNormalized, key[0]) > 0);
        var rows = await query.OrderBy(i => i.SkuNormalized).Take(size + 1)
            .Select(i => new LowStockDto(i.Id, i.Sku, i.Name, i.Unit, i.OnHand, i.ReorderPoint, i.ReorderQuantity, i.PreferredSupplierId,
                i.Category != null ? i.Category.Path : null)).ToListAsync(ct);
        var next = rows.Count > size ? Cursor.Encode("sku", rows[size - 1].Sku.ToUpperInvariant()) : null;
        return TypedResults.Ok(new Page<LowStockDto>(rows.Take(size).ToList(), next));
    }
}
