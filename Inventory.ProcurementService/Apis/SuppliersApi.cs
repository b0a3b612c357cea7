using Inventory.ProcurementService.Data;
using Inventory.ProcurementService.Suppliers;
using Inventory.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Inventory.ProcurementService.Apis;

public static class SuppliersApi
{
    public static IEndpointRouteBuilder MapSuppliersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/suppliers").WithTags("Suppliers");
        api.MapGet("/", ListSuppliers).RequireAuthorization(Policies.Read)
            .WithName("ListSuppliers").WithSummary("Lists suppliers by name, a page at a time");
        api.MapGet("/{id:guid}", GetSupplier).RequireAuthorization(Policies.Read)
            .WithName("GetSupplier").WithSummary("One supplier");
        api.MapPost("/", CreateSupplier).RequireAuthorization(Policies.Manage)
            .WithName("CreateSupplier").WithSummary("Creates a supplier");
        api.MapPut("/{id:guid}", UpdateSupplier).RequireAuthorization(Policies.Manage)
            .WithName("UpdateSupplier").WithSummary("Replaces a supplier's details (optimistic concurrency on version)");
        api.MapPost("/{id:guid}/archive", ArchiveSupplier).RequireAuthorization(Policies.Manage)
            .WithName("ArchiveSupplier").WithSummary("Archives a supplier: hidden from lists, no new purchase orders");
        api.MapPost("/{id:guid}/unarchive", UnarchiveSupplier).RequireAuthorization(Policies.Manage)
            .WithName("UnarchiveSupplier").WithSummary("Brings an archived supplier back");
        return app;
    }

    public static async Task<Results<Ok<Page<SupplierDto>>, ValidationProblem>> ListSuppliers(
        ProcurementDbContext db, string? search = null, string? pageSize = null, string? after = null, string? includeArchived = null,
        CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        var size = Paging.ReadPage(errors, pageSize, after, "name", 1, out var afterKey);
        var withArchived = QueryValues.Bool(errors, "includeArchived", includeArchived);
        var text = QueryValues.Text(errors, "search", search);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var query = db.Suppliers.AsNoTracking();
        if (!withArchived)
            query = query.Where(s => !s.IsArchived);
        if (text is not null)
        {
            var pattern = Paging.ContainsPattern(text);
            query = query.Where(s => EF.Functions.ILike(s.Name, pattern, "\\") || EF.Functions.ILike(s.ContactName!, pattern, "\\"));
        }
        if (afterKey is not null)
            query = query.Where(s => string.Compare(s.NameNormalized, afterKey[0]) > 0);

        var rows = await query.OrderBy(s => s.NameNormalized).Take(size + 1).ToListAsync(ct);
        return TypedResults.Ok(Paging.ToPage(rows, size, SupplierDto.From, "name", s => [s.NameNormalized]));
    }

    public static async Task<Results<Ok<SupplierDto>, ProblemHttpResult>> GetSupplier(Guid id, ProcurementDbContext db, CancellationToken ct)
    {
        var supplier = await db.Suppliers.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        return supplier is null ? Problems.NotFound("supplier") : TypedResults.Ok(SupplierDto.From(supplier));
    }

    public static Task<Results<Created<SupplierDto>, Ok<SupplierDto>, ValidationProblem, ProblemHttpResult>> CreateSupplier(
        SupplierRequest request, [FromHeader(Name = IdempotencyRules.HeaderName)] string? idempotencyKey,
        ProcurementDbContext db, SupplierService suppliers, HttpContext http, CancellationToken ct) =>
        ValidatedWrite.RunAsync(SupplierRules.Validate(request, creating: true), db, http, idempotencyKey, request, Location,
            t => suppliers.CreateAsync(request, t), ct);

    public static Task<Results<Created<SupplierDto>, Ok<SupplierDto>, ValidationProblem, ProblemHttpResult>> UpdateSupplier(
        Guid id, SupplierRequest request, [FromHeader(Name = IdempotencyRules.HeaderName)] string? idempotencyKey,
        ProcurementDbContext db, SupplierService suppliers, HttpContext http, CancellationToken ct) =>
        ValidatedWrite.RunAsync(SupplierRules.Validate(request, creating: false), db, http, idempotencyKey, request, Location,
            t => suppliers.UpdateAsync(id, request, t), ct, created: false);

    public static Task<Results<Created<SupplierDto>, Ok<SupplierDto>, ValidationProblem, ProblemHttpResult>> ArchiveSupplier(
        Guid id, [FromHeader(Name = IdempotencyRules.HeaderName)] string? idempotencyKey,
        ProcurementDbContext db, SupplierService suppliers, HttpContext http, CancellationToken ct) =>
        IdempotentWrite.RunAsync(db, http, idempotencyKey, new { id }, Location, t => suppliers.SetArchivedAsync(id, true, t), ct, created: false);

    public static Task<Results<Created<SupplierDto>, Ok<SupplierDto>, ValidationProblem, ProblemHttpResult>> UnarchiveSupplier(
        Guid id, [FromHeader(Name = IdempotencyRules.HeaderName)] string? idempotencyKey,
        ProcurementDbContext db, SupplierService suppliers, HttpContext http, CancellationToken ct) =>
        IdempotentWrite.RunAsync(db, http, idempotencyKey, new { id }, Location, t => suppliers.SetArchivedAsync(id, false, t), ct, created: false);

    private static string Location(SupplierDto supplier) => $"/api/suppliers/{supplier.Id}";
}
