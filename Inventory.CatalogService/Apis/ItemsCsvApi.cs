using System.Globalization;
using CsvHelper;
using Inventory.CatalogService.Data;
using Inventory.CatalogService.Items;
using Inventory.ServiceDefaults;
using Inventory.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Inventory.CatalogService.Apis;

/// <summary>CSV export of items and stock levels, and an all-or-nothing item import (create or update by SKU).</summary>
public static class ItemsCsvApi
{
    private static readonly CsvWriterOptions WriterOptions = new() { Separator = ',', FormatProvider = CultureInfo.InvariantCulture };

    public static IEndpointRouteBuilder MapItemsCsvApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("api/items/export", ExportItems).WithTags("Items").WithName("ExportItems")
            .WithSummary("The items the list filters select as CSV (every item, archived too, without filters)").RequireAuthorization(Policies.Read).WithRequestTimeout(TimeBudgets.LongRunningPolicy);
        app.MapGet("api/stock/export", ExportStock).WithTags("Stock").WithName("ExportStock")
            .WithSummary("Non-zero stock levels as CSV").RequireAuthorization(Policies.Read).WithRequestTimeout(TimeBudgets.LongRunningPolicy);
        app.MapPost("api/items/import", ImportItems).WithTags("Items").WithName("ImportItems")
            .WithSummary("Creates or updates items by SKU from CSV; all rows or none, with per-row errors")
            .RequireAuthorization(Policies.Manage).WithRequestTimeout(TimeBudgets.LongRunningPolicy);
        return app;
    }

    /// <summary>
    /// The items the list's filters select (the same query values as <c>GET /api/items</c>; without <c>archived</c>,
    /// every item), in SKU order. Filtered by a location, a last column <c>locationOnHand</c> holds the quantity there.
    /// <c>ids</c> (repeated, at most <see cref="Paging.MaxPageSize"/>) keeps only those items: the list's "Export selected".
    /// </summary>
    public static async Task<Results<PushStreamHttpResult, ValidationProblem>> ExportItems(
        CatalogDbContext db, string? search = null, string? categoryId = null, string? locationId = null, string? lowStock = null,
        string? archived = null, string? includeArchived = null, string[]? ids = null, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        var list = ItemListQuery.Read(errors, search, categoryId, locationId, lowStock, archived, includeArchived, null, null, defaultArchived: "all");
        var selected = SelectedIds(errors, ids);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        return TypedResults.Stream(async body =>
        {
            db.Database.SetCommandTimeout(TimeBudgets.LongRunning); // one query streams every row
            var filtered = await list.FilterAsync(db, ct);
            var locationIds = filtered?.LocationIds;
            await using var csv = CsvWriter.Create(body, WriterOptions, leaveOpen: true);
            await csv.WriteRecordAsync(locationIds is null ? ItemCsv.Columns : [.. ItemCsv.Columns, "locationOnHand"], ct);
            if (filtered is not var (items, _))
                return;
            if (selected is not null)
                items = items.Where(i => selected.Contains(i.Id));
            var rows = items.OrderBy(i => i.SkuNormalized).Select(i => new
            {
                i.Sku, i.Name, i.Description, Category = i.Category != null ? i.Category.Path : null, i.Unit, i.Barcode,
                i.UnitCost, i.ReorderPoint, i.ReorderQuantity, i.PreferredSupplierId, i.IsArchived, i.OnHand,
                LocationOnHand = locationIds == null ? 0
                    : db.StockLevels.Where(s => s.ItemId == i.Id && locationIds.Contains(s.LocationId)).Sum(s => s.OnHand),
            }).AsAsyncEnumerable();
            await foreach (var i in rows.WithCancellation(ct))
            {
                string[] cells =
                [
                    Text(i.Sku), Text(i.Name), Text(i.Description), Text(i.Category), Text(i.Unit), Text(i.Barcode), Number(i.UnitCost),
                    Number(i.ReorderPoint), Number(i.ReorderQuantity), i.PreferredSupplierId?.ToString() ?? "",
                    i.IsArchived ? "true" : "false", Number(i.OnHand),
                ];
                await csv.WriteRecordAsync(locationIds is null ? cells : [.. cells, Number(i.LocationOnHand)], ct);
            }
            await csv.FlushAsync(ct);
        }, "text/csv", "items.csv");
    }

    public static PushStreamHttpResult ExportStock(CatalogDbContext db, CancellationToken ct) =>
        TypedResults.Stream(async body =>
        {
            db.Database.SetCommandTimeout(TimeBudgets.LongRunning); // one query streams every row
            await using var csv = CsvWriter.Create(body, WriterOptions, leaveOpen: true);
            await csv.WriteRecordAsync(["sku", "location", "locationPath", "onHand", "unit"], ct);
            var rows = (from s in db.StockLevels.AsNoTracking()
                        join i in db.Items on s.ItemId equals i.Id
                        join l in db.Locations on s.LocationId equals l.Id
                        where s.OnHand != 0
                        orderby i.SkuNormalized, l.Path
                        select new { i.Sku, l.Code, l.Path, s.OnHand, i.Unit }).AsAsyncEnumerable();
            await foreach (var row in rows.WithCancellation(ct))
            {
                await csv.WriteRecordAsync([Text(row.Sku), Text(row.Code), Text(row.Path), Number(row.OnHand), Text(row.Unit)], ct);
            }
            await csv.FlushAsync(ct);
        }, "text/csv", "stock.csv");

    // The file is read whole (the gateway caps its size) so that a retry with the same Idempotency-Key is recognised
    // as the same import and answered with the first result instead of importing again.
    public static async Task<Results<Created<ImportResult>, Ok<ImportResult>, ValidationProblem, ProblemHttpResult>> ImportItems(
        HttpRequest request, [FromHeader(Name = IdempotencyRules.HeaderName)] string? idempotencyKey, CatalogDbContext db, ItemImport import,
        HttpContext http, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body, System.Text.Encoding.UTF8);
        var csv = await reader.ReadToEndAsync(ct);
        return await IdempotentWrite.RunAsync(db, http, idempotencyKey, new { csv }, _ => "/api/items", async t =>
        {
            using var file = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv));
            return await import.RunAsync(file, t);
        }, ct, created: false);
    }

    private static List<Guid>? SelectedIds(Dictionary<string, string[]> errors, string[]? ids)
    {
        if (ids is null || ids.Length == 0)
            return null;
        var parsed = ids.Select(id => Guid.TryParse(id, out var g) ? g : (Guid?)null).ToList();
        if (parsed.Count > Paging.MaxPageSize || parsed.Any(g => g is null))
            errors["ids"] = [$"Give 1 to {Paging.MaxPageSize} item ids."];
        return parsed.OfType<Guid>().ToList();
    }

    /// <summary>Every text cell of every export goes through here, so none can carry a formula (see <see cref="CsvCells"/>).</summary>
    private static string Text(string? value) => CsvCells.Neutralise(value);

    private static string Number(decimal value) => CsvCells.Number(value);
}
