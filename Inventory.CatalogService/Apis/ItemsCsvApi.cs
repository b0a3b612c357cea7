using System.Globalization;
using CsvHelper;
using Inventory.CatalogService.Data;
using Inventory.CatalogService.Items;
using Inventory.ServiceDefaults;
using Inventory.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Inventory.CatalogService.Apis;

/// <summary>CSV export of items and stock levels, and an all-or-nothing item import (create or update by SKU).</summary>
public static class ItemsCsvApi
{
    private static readonly CsvWriterOptions WriterOptions = new() { Separator = ',', FormatProvider = CultureInfo.InvariantCulture };

    public static IEndpointRouteBuilder MapItemsCsvApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("api/items/export", ExportItems).WithTags("Items").WithName("ExportItems")
            .WithSummary("All items as CSV (archived too)").RequireAuthorization(Policies.Read).WithRequestTimeout(TimeBudgets.LongRunningPolicy);
        app.MapGet("api/stock/export", ExportStock).WithTags("Stock").WithName("ExportStock")
            .WithSummary("Non-zero stock levels as CSV").RequireAuthorization(Policies.Read).WithRequestTimeout(TimeBudgets.LongRunningPolicy);
        app.MapPost("api/items/import", ImportItems).WithTags("Items").WithName("ImportItems")
            .WithSummary("Creates or updates items by SKU from CSV; all rows or none, with per-row errors")
            .RequireAuthorization(Policies.Manage).WithRequestTimeout(TimeBudgets.LongRunningPolicy);
        return app;
    }

    public static PushStreamHttpResult ExportItems(CatalogDbContext db, CancellationToken ct) =>
        TypedResults.Stream(async body =>
        {
            db.Database.SetCommandTimeout(TimeBudgets.LongRunning); // one query streams every row
            await using var csv = CsvWriter.Create(body, WriterOptions, leaveOpen: true);
            await csv.WriteRecordAsync(ItemCsv.Columns, ct);
            var rows = db.Items.AsNoTracking().OrderBy(i => i.SkuNormalized).Select(i => new
            {
                i.Sku, i.Name, i.Description, Category = i.Category != null ? i.Category.Path : null, i.Unit, i.Barcode,
                i.UnitCost, i.ReorderPoint, i.ReorderQuantity, i.PreferredSupplierId, i.IsArchived, i.OnHand,
            }).AsAsyncEnumerable();
            await foreach (var i in rows.WithCancellation(ct))
            {
                await csv.WriteRecordAsync(
                [
                    Text(i.Sku), Text(i.Name), Text(i.Description), Text(i.Category), Text(i.Unit), Text(i.Barcode), Number(i.UnitCost),
                    Number(i.ReorderPoint), Number(i.ReorderQuantity), i.PreferredSupplierId?.ToString() ?? "",
                    i.IsArchived ? "true" : "false", Number(i.OnHand),
                ], ct);
            }
            await csv.FlushAsync(ct);
        }, "text/csv", "items.csv");

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

    public static async Task<Results<Ok<ImportResult>, ProblemHttpResult>> ImportItems(HttpRequest request, ItemImport import, CancellationToken ct) =>
        (await import.RunAsync(request.Body, ct)).ToOk();

    /// <summary>Every text cell of every export goes through here, so none can carry a formula (see <see cref="CsvCells"/>).</summary>
    private static string Text(string? value) => CsvCells.Neutralise(value);

    private static string Number(decimal value) => (value / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
}
