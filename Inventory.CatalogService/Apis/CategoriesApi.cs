using System.Linq.Expressions;
using Inventory.CatalogService.Audit;
using Inventory.CatalogService.Categories;
using Inventory.CatalogService.Data;
using Inventory.CatalogService.Trees;
using Inventory.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Inventory.CatalogService.Apis;

public static class CategoriesApi
{
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

    public static Task<Results<Ok<Page<CategoryDto>>, ValidationProblem>> ListCategories(CatalogDbContext db, string? search = null,
        string? includeArchived = null, string? pageSize = null, string? after = null, CancellationToken ct = default) =>
        TreeQueries.ListAsync(db.Categories, CategoryDto.From, Matching,
            search, includeArchived, pageSize, after, ct);

    public static Task<Results<Ok<CategoryDto>, ProblemHttpResult>> GetCategory(Guid id, CatalogDbContext db, CancellationToken ct) =>
        TreeQueries.GetAsync(db.Categories, id, CategoryDto.From, AuditEntityTypes.Category, ct);

    // Every write takes an Idempotency-Key (the kit's IdempotentWrite): a retry or a double submit gets the first answer.
    public static Task<Results<Created<CategoryDto>, Ok<CategoryDto>, ValidationProblem, ProblemHttpResult>> CreateCategory(
        CreateCategoryRequest request, [FromHeader(Name = IdempotencyRules.HeaderName)] string? idempotencyKey, CatalogDbContext db, CategoryWriter categories, HttpContext http, CancellationToken ct) =>
        IdempotentWrite.RunAsync(db, http, idempotencyKey, request, Location, t => categories.CreateAsync(request, t), ct);

    public static Task<Results<Created<CategoryDto>, Ok<CategoryDto>, ValidationProblem, ProblemHttpResult>> UpdateCategory(
        Guid id, UpdateCategoryRequest request, [FromHeader(Name = IdempotencyRules.HeaderName)] string? idempotencyKey, CatalogDbContext db, CategoryWriter categories, HttpContext http, CancellationToken ct) =>
        IdempotentWrite.RunAsync(db, http, idempotencyKey, request, Location, t => categories.UpdateAsync(id, request, request.Version, t), ct, created: false);

    public static Task<Results<Created<CategoryDto>, Ok<CategoryDto>, ValidationProblem, ProblemHttpResult>> ArchiveCategory(
        Guid id, [FromHeader(Name = IdempotencyRules.HeaderName)] string? idempotencyKey, CatalogDbContext db, CategoryWriter categories, HttpContext http, CancellationToken ct) =>
        IdempotentWrite.RunAsync(db, http, idempotencyKey, new { id }, Location, t => categories.SetArchivedAsync(id, true, t), ct, created: false);

    public static Task<Results<Created<CategoryDto>, Ok<CategoryDto>, ValidationProblem, ProblemHttpResult>> UnarchiveCategory(
        Guid id, [FromHeader(Name = IdempotencyRules.HeaderName)] string? idempotencyKey, CatalogDbContext db, CategoryWriter categories, HttpContext http, CancellationToken ct) =>
        IdempotentWrite.RunAsync(db, http, idempotencyKey, new { id }, Location, t => categories.SetArchivedAsync(id, false, t), ct, created: false);

    /// <summary>What a search matches: the path (names). The list and its CSV export share it.</summary>
    public static Expression<Func<Category, bool>> Matching(string pattern) => c => EF.Functions.ILike(c.Path, pattern, "\\");

    private static string Location(CategoryDto category) => $"/api/categories/{category.Id}";
}
