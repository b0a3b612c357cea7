using Inventory.CatalogService.Audit;
using System.Globalization;
using System.Security.Claims;
using CsvHelper;
using Inventory.CatalogService.Common;
using Inventory.CatalogService.Data;
using Inventory.CatalogService.Items;
using Inventory.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Inventory.CatalogService.Apis;

public sealed record ImportResult(int Created, int Updated, int Unchanged);

/// <summary>CSV export of items and stock levels, and an all-or-nothing item import (create or update by SKU).</summary>
public static class ItemsCsvApi
{
    private static readonly CsvWriterOptions WriterOptions = new() { Separator = ',', FormatProvider = CultureInfo.InvariantCulture };

    public static IEndpointRouteBuilder MapItemsCsvApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("api/items/export", ExportItems).WithTags("Items").WithName("ExportItems")
            .WithSummary("All items as CSV (archived too)").RequireAuthorization(Policies.Read);
        app.MapGet("api/stock/export", ExportStock).WithTags("Stock").WithName("ExportStock")
            .WithSummary("Non-zero stock levels as CSV").RequireAuthorization(Policies.Read);
        app.MapPost("api/items/import", ImportItems).WithTags("Items").WithName("ImportItems")
            .WithSummary("Creates or updates items by SKU from CSV; all rows or none, with per-row errors")
            .RequireAuthorization(Policies.Manage);
        return app;
    }

    public static PushStreamHttpResult ExportItems(CatalogDbContext db, CancellationToken ct) =>
        TypedResults.Stream(async body =>
        {
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
                    i.Sku, i.Name, i.Description ?? "", i.Category ?? "", i.Unit, i.Barcode ?? "", Number(i.UnitCost),
                    Number(i.ReorderPoint), Number(i.ReorderQuantity), i.PreferredSupplierId?.ToString() ?? "",
                    i.IsArchived ? "true" : "false", Number(i.OnHand),
                ], ct);
            }
            await csv.FlushAsync(ct);
        }, "text/csv", "items.csv");

    public static PushStreamHttpResult ExportStock(CatalogDbContext db, CancellationToken ct) =>
        TypedResults.Stream(async body =>
        {
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
                await csv.WriteRecordAsync([row.Sku, row.Code, row.Path, Number(row.OnHand), row.Unit], ct);
            }
            await csv.FlushAsync(ct);
        }, "text/csv", "stock.csv");

    public static async Task<Results<Ok<ImportResult>, ValidationProblem, ProblemHttpResult>> ImportItems(
        HttpRequest request, CatalogDbContext db, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var (rows, errors) = await ItemCsvReader.ReadAsync(request.Body, ct);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        // Categories by path, existing items by SKU, and barcodes held by other items: three queries for the whole file.
        var paths = rows.Where(r => r.CategoryPath is not null).Select(r => r.CategoryPath!).Distinct().ToList();
        var categories = await db.Categories.AsNoTracking().Where(c => paths.Contains(c.Path))
            .Select(c => new { c.Path, c.Id, c.IsArchived }).ToDictionaryAsync(c => c.Path, ct);
        var skus = rows.Select(r => ItemRules.NormalizeSku(r.Request.Sku!).ToUpperInvariant()).ToList();
        var existing = await db.Items.Where(i => skus.Contains(i.SkuNormalized)).ToDictionaryAsync(i => i.SkuNormalized, ct);
        var barcodes = rows.Select(r => ItemRules.NormalizeBarcode(r.Request.Barcode)).OfType<string>().ToList();
        var barcodeOwners = await db.Items.AsNoTracking().Where(i => i.Barcode != null && barcodes.Contains(i.Barcode))
            .Select(i => new { i.Barcode, i.SkuNormalized }).ToDictionaryAsync(i => i.Barcode!, i => i.SkuNormalized, ct);

        // An existing item may not become indivisible while some of its stock is fractional (as in PUT).
        var toIndivisible = rows.Select(r => (Row: r, Item: existing.GetValueOrDefault(ItemRules.NormalizeSku(r.Request.Sku!).ToUpperInvariant())))
            .Where(x => x.Item is not null && !ItemRules.IsDivisible(x.Row.Request.Unit!.Trim()) && x.Item.Unit != x.Row.Request.Unit!.Trim().ToLowerInvariant())
            .ToList();
        if (toIndivisible.Count > 0)
        {
            var ids = toIndivisible.Select(x => x.Item!.Id).ToList();
            var fractional = (await db.StockLevels.AsNoTracking().Where(s => ids.Contains(s.ItemId) && s.OnHand != decimal.Truncate(s.OnHand))
                .Select(s => s.ItemId).Distinct().ToListAsync(ct)).ToHashSet();
            foreach (var (row, item) in toIndivisible.Where(x => fractional.Contains(x.Item!.Id)))
                errors[ItemCsv.Key(row.Number, "unit")] = [$"Stock of {item!.Sku} has fractional quantities, which '{row.Request.Unit!.Trim()}' cannot hold."];
        }

        foreach (var row in rows)
        {
            var sku = ItemRules.NormalizeSku(row.Request.Sku!).ToUpperInvariant();
            if (row.CategoryPath is not null)
            {
                if (!categories.TryGetValue(row.CategoryPath, out var category))
                    errors[ItemCsv.Key(row.Number, "category")] = [$"No category '{row.CategoryPath}'."];
                else if (category.IsArchived && existing.GetValueOrDefault(sku)?.CategoryId != category.Id)
                    errors[ItemCsv.Key(row.Number, "category")] = [$"The category '{row.CategoryPath}' is archived."];
            }
            if (ItemRules.NormalizeBarcode(row.Request.Barcode) is { } barcode && barcodeOwners.TryGetValue(barcode, out var owner) && owner != sku)
                errors[ItemCsv.Key(row.Number, "barcode")] = [$"Barcode '{barcode}' belongs to item {owner}."];
        }
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var now = clock.GetUtcNow();
        var userId = Caller.Id(user);
        int created = 0, updated = 0, unchanged = 0;
        foreach (var row in rows)
        {
            var fields = row.Request with { CategoryId = row.CategoryPath is null ? null : categories[row.CategoryPath].Id };
            var sku = ItemRules.NormalizeSku(fields.Sku!);
            if (existing.TryGetValue(sku.ToUpperInvariant(), out var item))
            {
                var before = item.AuditFields();
                item.Sku = sku;
                item.Name = fields.Name!.Trim();
                item.Unit = fields.Unit!.Trim().ToLowerInvariant();
                ItemsApi.Apply(item, fields);
                var audit = AuditDiff.Entry(AuditEntityTypes.Item, item.Id, AuditActions.Update, userId, now, before, item.AuditFields());
                if (audit.Changes == "{}")
                {
                    unchanged++;
                    continue;
                }
                item.Version++;
                item.UpdatedAt = now;
                db.AuditEntries.Add(audit);
                updated++;
            }
            else
            {
                item = new Item { Sku = sku, Name = fields.Name!.Trim(), Unit = fields.Unit!.Trim().ToLowerInvariant(), CreatedAt = now, UpdatedAt = now };
                ItemsApi.Apply(item, fields);
                db.Items.Add(item);
                db.AuditEntries.Add(AuditDiff.Entry(AuditEntityTypes.Item, item.Id, AuditActions.Create, userId, now, null, item.AuditFields()));
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
        return TypedResults.Ok(new ImportResult(created, updated, unchanged));
    }

    private static string Number(decimal value) => (value / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
}
