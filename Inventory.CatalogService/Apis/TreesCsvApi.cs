using System.Globalization;
using System.Linq.Expressions;
using CsvHelper;
using Inventory.CatalogService.Data;
using Inventory.CatalogService.Items;
using Inventory.CatalogService.Trees;
using Inventory.ServiceDefaults;
using Inventory.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Inventory.CatalogService.Apis;

/// <summary>CSV export of the two trees: the locations or categories their list's search and "include archived" select, by path.</summary>
public static class TreesCsvApi
{
    public static readonly string[] LocationColumns = ["code", "name", "kind", "path", "parentCode", "allowsNegative", "isArchived"];
    public static readonly string[] CategoryColumns = ["name", "path", "parentPath", "isArchived"];

    private static readonly CsvWriterOptions WriterOptions = new() { Separator = ',', FormatProvider = CultureInfo.InvariantCulture };

    public static IEndpointRouteBuilder MapTreesCsvApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("api/locations/export", ExportLocations).WithTags("Locations").WithName("ExportLocations")
            .WithSummary("The locations the list's search and archived filter select, as CSV, by path")
            .RequireAuthorization(Policies.Read).WithRequestTimeout(TimeBudgets.LongRunningPolicy);
        app.MapGet("api/categories/export", ExportCategories).WithTags("Categories").WithName("ExportCategories")
            .WithSummary("The categories the list's search and archived filter select, as CSV, by path")
            .RequireAuthorization(Policies.Read).WithRequestTimeout(TimeBudgets.LongRunningPolicy);
        return app;
    }

    public static Results<PushStreamHttpResult, ValidationProblem> ExportLocations(CatalogDbContext db, string? search = null,
        string? includeArchived = null, CancellationToken ct = default) =>
        Export(db, db.Locations, LocationsApi.Matching, search, includeArchived, LocationColumns,
            locations => from l in locations
                         join p in db.Locations on l.ParentId equals p.Id into parents
                         from p in parents.DefaultIfEmpty()
                         orderby l.Path, l.Id
                         select new { l.Code, l.Name, l.Kind, l.Path, ParentCode = p == null ? null : p.Code, l.AllowsNegative, l.IsArchived },
            l => [Text(l.Code), Text(l.Name), l.Kind, Text(l.Path), Text(l.ParentCode), Flag(l.AllowsNegative), Flag(l.IsArchived)],
            "locations.csv", ct);

    public static Results<PushStreamHttpResult, ValidationProblem> ExportCategories(CatalogDbContext db, string? search = null,
        string? includeArchived = null, CancellationToken ct = default) =>
        Export(db, db.Categories, CategoriesApi.Matching, search, includeArchived, CategoryColumns,
            categories => from c in categories
                          join p in db.Categories on c.ParentId equals p.Id into parents
                          from p in parents.DefaultIfEmpty()
                          orderby c.Path, c.Id
                          select new { c.Name, c.Path, ParentPath = p == null ? null : p.Path, c.IsArchived },
            c => [Text(c.Name), Text(c.Path), Text(c.ParentPath), Flag(c.IsArchived)], "categories.csv", ct);

    /// <summary>The nodes the list's filters select (a bad value is a 400 naming it), as <paramref name="rows"/> makes rows of them, streamed as CSV.</summary>
    private static Results<PushStreamHttpResult, ValidationProblem> Export<T, TRow>(CatalogDbContext db, IQueryable<T> nodes,
        Func<string, Expression<Func<T, bool>>> matching, string? search, string? includeArchived, string[] columns,
        Func<IQueryable<T>, IQueryable<TRow>> rows, Func<TRow, string[]> cells, string fileName, CancellationToken ct) where T : TreeNode
    {
        var errors = new Dictionary<string, string[]>();
        if (TreeQueries.Filter(errors, nodes, matching, search, includeArchived) is not { } selected)
            return TypedResults.ValidationProblem(errors);
        return Stream(columns, rows(selected), cells, fileName, db, ct);
    }

    private static PushStreamHttpResult Stream<T>(string[] columns, IQueryable<T> rows, Func<T, string[]> cells, string fileName,
        CatalogDbContext db, CancellationToken ct) =>
        TypedResults.Stream(async body =>
        {
            db.Database.SetCommandTimeout(TimeBudgets.LongRunning); // one query streams every row
            await using var csv = CsvWriter.Create(body, WriterOptions, leaveOpen: true);
            await csv.WriteRecordAsync(columns, ct);
            await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(ct))
                await csv.WriteRecordAsync(cells(row), ct);
            await csv.FlushAsync(ct);
        }, "text/csv", fileName);

    /// <summary>Every text cell goes through here, so none can carry a formula (see <see cref="CsvCells"/>).</summary>
    private static string Text(string? value) => CsvCells.Neutralise(value);

    private static string Flag(bool value) => value ? "true" : "false";
}
