using Inventory.CatalogService.Audit;
using System.Security.Claims;
using Inventory.CatalogService.Categories;
using Inventory.CatalogService.Common;
using Inventory.CatalogService.Data;
using Inventory.CatalogService.Trees;
using Inventory.ServiceDefaults;
using Inventory.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Inventory.CatalogService.Apis;

public static class CategoriesApi
{
    private const string Table = "categories";

    public static IEndpointRouteBuilder MapCategoriesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/categories").WithTags("Categories");
        api.MapGet("/", ListCategories).WithName("ListCategories").WithSummary("Lists categories by path, a page at a time")
            .RequireAuthorization(Policies.Read);
        api.MapGet("/{id:guid}", GetCategory).WithName("GetCategory").WithSummary("One category")
            .RequireAuthorization(Policies.Read);
        api.MapPost("/", CreateCategory).WithName("CreateCategory").WithSummary("Creates a category, optionally under a parent")
            .RequireAuthorization(Policies.Manage);
        api.MapPut("/{id:guid}", UpdateCategory).WithName("UpdateCategory").WithSummary("Renames or moves a category")
            .RequireAuthorization(Policies.Manage);
        api.MapPost("/{id:guid}/archive", ArchiveCategory).WithName("ArchiveCategory").WithSummary("Archives a category")
            .RequireAuthorization(Policies.Manage);
        api.MapPost("/{id:guid}/unarchive", UnarchiveCategory).WithName("UnarchiveCategory").WithSummary("Restores an archived category")
            .RequireAuthorization(Policies.Manage);
        return app;
    }

    public static async Task<Results<Ok<Page<CategoryDto>>, ValidationProblem>> ListCategories(
        CatalogDbContext db, string? search = null, string? pageSize = null, string? after = null, bool includeArchived = false,
        CancellationToken ct = default)
    {
        if (!PageRequest.Resolve(pageSize, after, out var size, out var afterKey, out var errors))
            return TypedResults.ValidationProblem(errors);
        string[] key = [];
        if (afterKey is not null && !Cursor.TryDecode(afterKey, "path", 2, out key))
            return TypedResults.ValidationProblem(Cursor.Invalid());

        var query = db.Categories.AsNoTracking();
        if (!includeArchived)
            query = query.Where(c => !c.IsArchived);
        if (!string.IsNullOrWhiteSpace(search))
            query = query.Where(c => EF.Functions.ILike(c.Path, $"%{Paging.EscapeLike(search.Trim())}%", "\\"));
        if (key.Length == 2)
        {
            if (!Guid.TryParse(key[1], out var afterId))
                return TypedResults.ValidationProblem(Cursor.Invalid());
            query = query.Where(c => EF.Functions.GreaterThan(ValueTuple.Create(c.Path, c.Id), ValueTuple.Create(key[0], afterId)));
        }
        var rows = await query.OrderBy(c => c.Path).ThenBy(c => c.Id).Take(size + 1).ToListAsync(ct);
        var next = rows.Count > size ? Cursor.Encode("path", rows[size - 1].Path, rows[size - 1].Id.ToString()) : null;
        return TypedResults.Ok(new Page<CategoryDto>(rows.Take(size).Select(CategoryDto.From).ToList(), next));
    }

    public static async Task<Results<Ok<CategoryDto>, NotFound>> GetCategory(Guid id, CatalogDbContext db, CancellationToken ct)
    {
        var category = await db.Categories.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        return category is null ? TypedResults.NotFound() : TypedResults.Ok(CategoryDto.From(category));
    }

    public static async Task<Results<Created<CategoryDto>, ValidationProblem, ProblemHttpResult>> CreateCategory(
        CreateCategoryRequest request, CatalogDbContext db, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var errors = CategoryRules.Validate(request.Name, request.ParentId);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        return await db.InTransactionAsync<Results<Created<CategoryDto>, ValidationProblem, ProblemHttpResult>>(async tx =>
        {
            await TreeSql.LockAsync(db, Table, ct);
            Category? parent = null;
            if (request.ParentId is { } parentId)
            {
                parent = await db.Categories.FirstOrDefaultAsync(c => c.Id == parentId, ct);
                if (parent is null)
                    return Problems.Unprocessable("parentId", "No such category.");
                if (parent.IsArchived)
                    return Problems.Conflict("parentId", "The parent category is archived.");
                if (parent.Depth >= TreeRules.MaxDepth)
                    return Problems.Invalid("parentId", $"Categories nest at most {TreeRules.MaxDepth} levels deep.");
            }
            var now = clock.GetUtcNow();
            var name = request.Name!.Trim();
            var category = new Category { Name = name, ParentId = parent?.Id, CreatedAt = now, UpdatedAt = now };
            category.PathIds = TreeRules.PathIds(parent?.PathIds, category.Id);
            category.Path = parent is null ? name : $"{parent.Path} / {name}";
            category.Depth = (parent?.Depth ?? 0) + 1;
            db.Categories.Add(category);
            db.AuditEntries.Add(AuditDiff.Entry(AuditEntityTypes.Category, category.Id, AuditActions.Create, Caller.Id(user), now, null, category.AuditFields()));
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException ex) when (ex.IsUniqueViolation())
            {
                return Problems.Conflict("name", $"A category named '{name}' already exists at that level.");
            }
            await tx.CommitAsync(ct);
            return TypedResults.Created($"/api/categories/{category.Id}", CategoryDto.From(category));
        }, ct);
    }

    public static async Task<Results<Ok<CategoryDto>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateCategory(
        Guid id, UpdateCategoryRequest request, CatalogDbContext db, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var errors = CategoryRules.Validate(request.Name, request.ParentId);
        if (request.Version is null)
            errors["version"] = ["The version you read is required (optimistic concurrency)."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        return await db.InTransactionAsync<Results<Ok<CategoryDto>, NotFound, ValidationProblem, ProblemHttpResult>>(async tx =>
        {
            await TreeSql.LockAsync(db, Table, ct);
            var category = await db.Categories.FirstOrDefaultAsync(c => c.Id == id, ct);
            if (category is null)
                return TypedResults.NotFound();
            if (category.Version != request.Version)
                return Problems.StaleVersion("category");
            Category? parent = null;
            if (request.ParentId is { } parentId)
            {
                parent = await db.Categories.FirstOrDefaultAsync(c => c.Id == parentId, ct);
                if (parent is null)
                    return Problems.Unprocessable("parentId", "No such category.");
                if (TreeRules.WouldCreateCycle(category.Id, parentId, parent.PathIds))
                    return Problems.Conflict("parentId", "A category cannot be moved under itself or one of its descendants.");
                if (parent.IsArchived && parent.Id != category.ParentId)
                    return Problems.Conflict("parentId", "The parent category is archived.");
                if (parent.Depth >= TreeRules.MaxDepth)
                    return Problems.Invalid("parentId", $"Categories nest at most {TreeRules.MaxDepth} levels deep.");
            }
            var before = category.AuditFields();
            var name = request.Name!.Trim();
            var moved = category.ParentId != parent?.Id || category.Name != name;
            category.Name = name;
            category.ParentId = parent?.Id;
            category.Path = parent is null ? name : $"{parent.Path} / {name}";
            category.PathIds = TreeRules.PathIds(parent?.PathIds, category.Id);
            category.Depth = (parent?.Depth ?? 0) + 1;
            var now = clock.GetUtcNow();
            var audit = AuditDiff.Entry(AuditEntityTypes.Category, id, AuditActions.Update, Caller.Id(user), now, before, category.AuditFields());
            if (audit.Changes != "{}")
            {
                category.UpdatedAt = now;
                category.Version++;
                db.AuditEntries.Add(audit);
            }
            try
            {
                await db.SaveChangesAsync(ct);
                if (moved)
                    await TreeSql.RecomputeSubtreeAsync(db, Table, "name", id, ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Problems.StaleVersion("category");
            }
            catch (DbUpdateException ex) when (ex.IsUniqueViolation())
            {
                return Problems.Conflict("name", $"A category named '{name}' already exists at that level.");
            }
            await tx.CommitAsync(ct);
            return TypedResults.Ok(CategoryDto.From(category));
        }, ct);
    }

    public static Task<Results<Ok<CategoryDto>, NotFound, ProblemHttpResult>> ArchiveCategory(
        Guid id, CatalogDbContext db, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct) =>
        SetArchived(id, true, db, user, clock, ct);

    public static Task<Results<Ok<CategoryDto>, NotFound, ProblemHttpResult>> UnarchiveCategory(
        Guid id, CatalogDbContext db, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct) =>
        SetArchived(id, false, db, user, clock, ct);

    private static Task<Results<Ok<CategoryDto>, NotFound, ProblemHttpResult>> SetArchived(
        Guid id, bool archived, CatalogDbContext db, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct) =>
        db.InTransactionAsync<Results<Ok<CategoryDto>, NotFound, ProblemHttpResult>>(async tx =>
        {
            await TreeSql.LockAsync(db, Table, ct);
            var category = await db.Categories.FirstOrDefaultAsync(c => c.Id == id, ct);
            if (category is null)
                return TypedResults.NotFound();
            if (category.IsArchived == archived)
                return TypedResults.Ok(CategoryDto.From(category));
            if (archived && await db.Categories.AnyAsync(c => c.ParentId == id && !c.IsArchived, ct))
                return Problems.Conflict("id", "The category has active subcategories: archive or move them first.");
            if (!archived && category.ParentId is { } parentId && await db.Categories.AnyAsync(c => c.Id == parentId && c.IsArchived, ct))
                return Problems.Conflict("parentId", "The parent category is archived: restore it first.");

            var before = category.AuditFields();
            var now = clock.GetUtcNow();
            category.IsArchived = archived;
            category.UpdatedAt = now;
            category.Version++;
            db.AuditEntries.Add(AuditDiff.Entry(AuditEntityTypes.Category, id, archived ? AuditActions.Archive : AuditActions.Unarchive,
                Caller.Id(user), now, before, category.AuditFields()));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return TypedResults.Ok(CategoryDto.From(category));
        }, ct);
}
