using Inventory.ServiceDefaults.Kit;
using Inventory.ProcurementService.Audit;
using Inventory.ProcurementService.Data;
using Inventory.ProcurementService.Suppliers;
using Inventory.ServiceDefaults;
using Inventory.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
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

        // One extra row tells whether another page follows, without a COUNT over the whole table.
        var rows = await query.OrderBy(s => s.NameNormalized).Take(size + 1).ToListAsync(ct);
        return TypedResults.Ok(Paging.ToPage(rows, size, SupplierDto.From, "name", s => [s.NameNormalized]));
    }

    public static async Task<Results<Ok<SupplierDto>, NotFound>> GetSupplier(Guid id, ProcurementDbContext db, CancellationToken ct)
    {
        var supplier = await db.Suppliers.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        return supplier is null ? TypedResults.NotFound() : TypedResults.Ok(SupplierDto.From(supplier));
    }

    public static async Task<Results<Created<SupplierDto>, ValidationProblem, ProblemHttpResult>> CreateSupplier(
        CreateSupplierRequest request, ProcurementDbContext db, AuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        var errors = SupplierRules.Validate(request);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var now = clock.GetUtcNow();
        var supplier = new Supplier { Name = "", Currency = SupplierRules.DefaultCurrency, CreatedAt = now };
        Apply(supplier, request, now);
        db.Suppliers.Add(supplier);
        audit.Record(db, AuditEntityTypes.Supplier, supplier.Id, AuditActions.Create, null, supplier.AuditFields());
        if (await SaveAsync(db, ct) is { } conflict)
            return conflict;
        return TypedResults.Created($"/api/suppliers/{supplier.Id}", SupplierDto.From(supplier));
    }

    public static async Task<Results<Ok<SupplierDto>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateSupplier(
        Guid id, UpdateSupplierRequest request, ProcurementDbContext db, AuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        var errors = SupplierRules.Validate(request.Details);
        if (request.Version is null)
            errors["version"] = ["Version is required: send the version you read."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var supplier = await db.Suppliers.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (supplier is null)
            return TypedResults.NotFound();
        var before = supplier.AuditFields();
        if (!db.TryAdvance(supplier, request.Version!.Value))
            return Problems.StaleVersion("supplier");
        Apply(supplier, request.Details, clock.GetUtcNow());
        audit.Record(db, AuditEntityTypes.Supplier, supplier.Id, AuditActions.Update, before, supplier.AuditFields());
        if (await SaveAsync(db, ct) is { } conflict)
            return conflict;
        return TypedResults.Ok(SupplierDto.From(supplier));
    }

    public static Task<Results<Ok<SupplierDto>, NotFound, ValidationProblem, ProblemHttpResult>> ArchiveSupplier(
        Guid id, ProcurementDbContext db, AuditTrail audit, TimeProvider clock, CancellationToken ct) =>
        SetArchivedAsync(id, true, db, audit, clock, ct);

    public static Task<Results<Ok<SupplierDto>, NotFound, ValidationProblem, ProblemHttpResult>> UnarchiveSupplier(
        Guid id, ProcurementDbContext db, AuditTrail audit, TimeProvider clock, CancellationToken ct) =>
        SetArchivedAsync(id, false, db, audit, clock, ct);

    private static async Task<Results<Ok<SupplierDto>, NotFound, ValidationProblem, ProblemHttpResult>> SetArchivedAsync(
        Guid id, bool archived, ProcurementDbContext db, AuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        var supplier = await db.Suppliers.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (supplier is null)
            return TypedResults.NotFound();
        if (supplier.IsArchived != archived)
        {
            var before = supplier.AuditFields();
            db.TryAdvance(supplier, supplier.Version);
            supplier.IsArchived = archived;
            supplier.UpdatedAt = clock.GetUtcNow();
            audit.Record(db, AuditEntityTypes.Supplier, supplier.Id, archived ? AuditActions.Archive : AuditActions.Unarchive, before, supplier.AuditFields());
            if (await SaveAsync(db, ct) is { } conflict)
                return conflict;
        }
        return TypedResults.Ok(SupplierDto.From(supplier));
    }

    private static void Apply(Supplier supplier, CreateSupplierRequest request, DateTimeOffset now)
    {
        supplier.Name = request.Name!.Trim();
        supplier.ContactName = Clean(request.ContactName);
        supplier.Email = Clean(request.Email);
        supplier.Phone = Clean(request.Phone);
        supplier.Address = Clean(request.Address);
        supplier.Website = Clean(request.Website);
        supplier.PaymentTerms = Clean(request.PaymentTerms);
        supplier.LeadTimeDays = request.LeadTimeDays ?? 0;
        supplier.Currency = Clean(request.Currency)?.ToUpperInvariant() ?? SupplierRules.DefaultCurrency;
        supplier.Notes = Clean(request.Notes);
        supplier.UpdatedAt = now;
    }

    private static Task<ProblemHttpResult?> SaveAsync(ProcurementDbContext db, CancellationToken ct) =>
        db.TrySaveAsync("supplier", ct, _ => Problems.Conflict("name", "A supplier with this name already exists."));

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
