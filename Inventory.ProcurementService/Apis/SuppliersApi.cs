using Inventory.ProcurementService.Data;
using Inventory.ProcurementService.Suppliers;
using Inventory.ServiceDefaults;
using Inventory.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Inventory.ProcurementService.Apis;

public static class SuppliersApi
{
    public static IEndpointRouteBuilder MapSuppliersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/suppliers").WithTags("Suppliers");
        api.MapGet("/", ListSuppliers).WithName("ListSuppliers").WithSummary("Lists suppliers by name, a page at a time")
            .RequireAuthorization(Policies.Read);
        api.MapGet("/{id:guid}", GetSupplier).WithName("GetSupplier").WithSummary("One supplier")
            .RequireAuthorization(Policies.Read);
        api.MapPost("/", CreateSupplier).WithName("CreateSupplier").WithSummary("Creates a supplier")
            .RequireAuthorization(Policies.Manage);
        return app;
    }

    public static async Task<Results<Ok<Page<SupplierDto>>, ValidationProblem>> ListSuppliers(
        ProcurementDbContext db, string? search = null, int? pageSize = null, string? after = null, bool includeArchived = false,
        CancellationToken ct = default)
    {
        if (!Paging.TryResolve(pageSize, after, out var size, out var afterKey, out var errors))
            return TypedResults.ValidationProblem(errors);

        var query = db.Suppliers.AsNoTracking();
        if (!includeArchived)
            query = query.Where(s => !s.IsArchived);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = $"%{Paging.EscapeLike(search.Trim())}%";
            query = query.Where(s => EF.Functions.ILike(s.Name, pattern, "\\") || EF.Functions.ILike(s.ContactName!, pattern, "\\"));
        }
        if (afterKey is not null)
            query = query.Where(s => string.Compare(s.NameNormalized, afterKey) > 0);

        // One extra row tells whether another page follows, without a COUNT over the whole table.
        var rows = await query.OrderBy(s => s.NameNormalized).Take(size + 1).ToListAsync(ct);
        var next = rows.Count > size ? Paging.EncodeCursor(rows[size - 1].NameNormalized) : null;
        return TypedResults.Ok(new Page<SupplierDto>(rows.Take(size).Select(SupplierDto.From).ToList(), next));
    }

    public static async Task<Results<Ok<SupplierDto>, NotFound>> GetSupplier(Guid id, ProcurementDbContext db, CancellationToken ct)
    {
        var supplier = await db.Suppliers.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        return supplier is null ? TypedResults.NotFound() : TypedResults.Ok(SupplierDto.From(supplier));
    }

    public static async Task<Results<Created<SupplierDto>, ValidationProblem, ProblemHttpResult>> CreateSupplier(
        CreateSupplierRequest request, ProcurementDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = SupplierRules.Validate(request);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var now = clock.GetUtcNow();
        var supplier = new Supplier
        {
            Name = request.Name!.Trim(),
            ContactName = Clean(request.ContactName),
            Email = Clean(request.Email),
            Phone = Clean(request.Phone),
            Address = Clean(request.Address),
            Website = Clean(request.Website),
            PaymentTerms = Clean(request.PaymentTerms),
            LeadTimeDays = request.LeadTimeDays ?? 0,
            Currency = Clean(request.Currency)?.ToUpperInvariant() ?? SupplierRules.DefaultCurrency,
            Notes = Clean(request.Notes),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Suppliers.Add(supplier);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]>
            {
                ["name"] = [$"A supplier named '{supplier.Name}' already exists."],
            }) { Status = StatusCodes.Status409Conflict, Title = "The supplier name is taken." });
        }
        return TypedResults.Created($"/api/suppliers/{supplier.Id}", SupplierDto.From(supplier));
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
