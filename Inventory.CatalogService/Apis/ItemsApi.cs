using Inventory.CatalogService.Data;
using Inventory.CatalogService.Items;
using Inventory.ServiceDefaults;
using Inventory.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Inventory.CatalogService.Apis;

public static class ItemsApi
{
    public static IEndpointRouteBuilder MapItemsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/items").WithTags("Items");
        api.MapGet("/", ListItems).WithName("ListItems").WithSummary("Lists items by SKU, a page at a time")
            .RequireAuthorization(Policies.Read);
        api.MapGet("/{id:guid}", GetItem).WithName("GetItem").WithSummary("One item")
            .RequireAuthorization(Policies.Read);
        api.MapPost("/", CreateItem).WithName("CreateItem").WithSummary("Creates an item")
            .RequireAuthorization(Policies.Manage);
        return app;
    }

    public static async Task<Results<Ok<Page<ItemDto>>, ValidationProblem>> ListItems(
        CatalogDbContext db, string? search = null, int? pageSize = null, string? after = null, bool includeArchived = false,
        CancellationToken ct = default)
    {
        if (!Paging.TryResolve(pageSize, after, out var size, out var afterKey, out var errors))
            return TypedResults.ValidationProblem(errors);

        var query = db.Items.AsNoTracking();
        if (!includeArchived)
            query = query.Where(i => !i.IsArchived);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = $"%{Paging.EscapeLike(search.Trim())}%";
            query = query.Where(i => EF.Functions.ILike(i.Sku, pattern, "\\") || EF.Functions.ILike(i.Name, pattern, "\\"));
        }
        if (afterKey is not null)
            query = query.Where(i => string.Compare(i.SkuNormalized, afterKey) > 0);

        // One extra row tells whether another page follows, without a COUNT over the whole table.
        var rows = await query.OrderBy(i => i.SkuNormalized).Take(size + 1).ToListAsync(ct);
        var pageRows = rows.Take(size).Select(ItemDto.From).ToList();
        var next = rows.Count > size ? Paging.EncodeCursor(rows[size - 1].SkuNormalized) : null;
        return TypedResults.Ok(new Page<ItemDto>(pageRows, next));
    }

    public static async Task<Results<Ok<ItemDto>, NotFound>> GetItem(Guid id, CatalogDbContext db, CancellationToken ct)
    {
        var item = await db.Items.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        return item is null ? TypedResults.NotFound() : TypedResults.Ok(ItemDto.From(item));
    }

    public static async Task<Results<Created<ItemDto>, ValidationProblem, ProblemHttpResult>> CreateItem(
        CreateItemRequest request, CatalogDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = ItemRules.Validate(request);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var now = clock.GetUtcNow();
        var item = new Item
        {
            Sku = ItemRules.NormalizeSku(request.Sku!),
            Name = request.Name!.Trim(),
            Description = string.IsNullOrWhiteSpace(request.Description) ? null : request.Description.Trim(),
            Unit = request.Unit!.Trim().ToLowerInvariant(),
            UnitCost = request.UnitCost ?? 0,
            ReorderPoint = request.ReorderPoint ?? 0,
            ReorderQuantity = request.ReorderQuantity ?? 0,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Items.Add(item);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]>
            {
                ["sku"] = [$"An item with SKU '{item.Sku}' already exists."],
            }) { Status = StatusCodes.Status409Conflict, Title = "The SKU is taken." });
        }
        return TypedResults.Created($"/api/items/{item.Id}", ItemDto.From(item));
    }
}
