using System.Globalization;
using CsvHelper;
using Inventory.CatalogService.Data;
using Inventory.CatalogService.Items;
using Inventory.CatalogService.Stock;
using Inventory.ServiceDefaults;
using Inventory.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Inventory.CatalogService.Apis;

/// <summary>CSV export of the ledger: every movement the list's filters select, newest first.</summary>
public static class MovementsCsvApi
{
    public static readonly string[] Columns =
        ["occurredAt", "type", "sku", "itemName", "location", "locationPath", "quantity", "unit", "balanceAfter", "reasonCode", "reference",
         "note", "userId", "channel", "actedAt", "operationId"];

    private static readonly CsvWriterOptions WriterOptions = new() { Separator = ',', FormatProvider = CultureInfo.InvariantCulture };

    public static IEndpointRouteBuilder MapMovementsCsvApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("api/movements/export", ExportMovements).WithTags("Movements").WithName("ExportMovements")
            .WithSummary("The movements the ledger list's filters select, as CSV, newest first")
            .RequireAuthorization(Policies.Read).WithRequestTimeout(TimeBudgets.LongRunningPolicy);
        return app;
    }

    public static Results<PushStreamHttpResult, ValidationProblem> ExportMovements(
        CatalogDbContext db, string? itemId = null, string? locationId = null, string? type = null, string? userId = null, string? reference = null,
        string? from = null, string? to = null, string? operationId = null, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        var list = MovementListQuery.Read(errors, itemId, locationId, type, userId, reference, operationId, from, to);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        return TypedResults.Stream(async body =>
        {
            db.Database.SetCommandTimeout(TimeBudgets.LongRunning); // one query streams every row
            await using var csv = CsvWriter.Create(body, WriterOptions, leaveOpen: true);
            await csv.WriteRecordAsync(Columns, ct);
            if (await list.FilterAsync(db, ct) is not { } movements)
                return;
            await foreach (var row in MovementListQuery.Rows(db, movements).AsAsyncEnumerable().WithCancellation(ct))
            {
                var m = row.Movement;
                await csv.WriteRecordAsync(
                [
                    Time(m.OccurredAt), m.Type, CsvCells.Neutralise(row.Sku), CsvCells.Neutralise(row.ItemName), CsvCells.Neutralise(row.LocationCode),
                    CsvCells.Neutralise(row.LocationPath), CsvCells.Number(m.Quantity), CsvCells.Neutralise(row.Unit), CsvCells.Number(m.BalanceAfter),
                    CsvCells.Neutralise(m.ReasonCode), CsvCells.Neutralise(m.Reference), CsvCells.Neutralise(m.Note), CsvCells.Neutralise(m.UserId),
                    CsvCells.Neutralise(m.Channel), m.ActedAt is { } acted ? Time(acted) : "", m.OperationId?.ToString() ?? "",
                ], ct);
            }
            await csv.FlushAsync(ct);
        }, "text/csv", "movements.csv");
    }

    private static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
