using Inventory.CatalogService.Audit;
using System.Security.Claims;
using Inventory.CatalogService.Common;
using Inventory.CatalogService.Data;
using Inventory.CatalogService.Items;
using Inventory.CatalogService.Stock;
using Inventory.ServiceDefaults;
using Inventory.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Inventory.CatalogService.Apis;

public static class ItemsApi
{
    public const int RecentMovements = 20;

    public static IEndpointRouteBuilder MapItemsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/items").WithTags("Items");
        api.MapGet("/", ListItems).WithName("ListItems")
            .WithSummary("Lists items: search, filters (category with descendants, location, low stock, archived), four sort orders, keyset pages")
            .RequireAuthorization(Policies.Read);
        api.MapGet("/{id:guid}", GetItem).WithName("GetItem").WithSummary("One item with its stock per location and recent movements")
            .RequireAuthorization(Policies.Read);
        api.MapPost("/", CreateItem).WithName("CreateItem").WithSummary("Creates an item")
            .RequireAuthorization(Policies.Manage);
        api.MapPut("/{id:guid}", UpdateItem).WithName("UpdateItem").WithSummary("Replaces an item's fields (optimistic concurrency on version)")
            .RequireAuthorization(Policies.Manage);
        api.MapPost("/{id:guid}/archive", ArchiveItem).WithName("ArchiveItem").WithSummary("Archives an item: hidden from lists, takes no new stock")
            .RequireAuthorization(Policies.Manage);
        api.MapPost("/{id:guid}/unarchive", UnarchiveItem).WithName("UnarchiveItem").WithSummary("Restores an archived item")
            .RequireAuthorization(Policies.Manage);
        return app;
    }

    public static async Task<Results<Ok<Page<ItemDto>>, ValidationProblem>> ListItems(
        CatalogDbContext db, string? search = null, string? categoryId = null, string? locationId = null, string? lowStock = null,
        string? archived = null, string? includeArchived = null, string? sort = null, string? dir = null,
        string? pageSize = null, string? after = null, CancellationToken ct = default)
    {
        PageRequest.Resolve(pageSize, after, out var size, out var afterKey, out var errors);
        var list = new ItemListQuery(
            search,
            QueryValues.Guid(errors, "categoryId", categoryId),
            QueryValues.Guid(errors, "locationId", locationId),
            QueryValues.Bool(errors, "lowStock", lowStock),
            QueryValues.Bool(errors, "includeArchived", includeArchived) ? "all" : QueryValues.OneOf(errors, "archived", archived, "active", ItemListQuery.ArchivedFilters),
            QueryValues.OneOf(errors, "sort", sort, "sku", ItemListQuery.Sorts),
            QueryValues.OneOf(errors, "dir", dir, "asc", "asc", "desc") == "desc");
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        var page = await list.RunAsync(db, size, afterKey, ct);
        return page is null ? TypedResults.ValidationProblem(Cursor.Invalid()) : TypedResults.Ok(page);
    }

    public static async Task<Results<Ok<ItemDetailDto>, NotFound>> GetItem(Guid id, CatalogDbContext db, CancellationToken ct)
    {
        var item = await db.Items.AsNoTracking().Where(i => i.Id == id)
            .Select(i => new { Item = i, CategoryPath = i.Category != null ? i.Category.Path : null }).FirstOrDefaultAsync(ct);
        if (item is null)
            return TypedResults.NotFound();
        var stock = await (from s in db.StockLevels.AsNoTracking()
                           join l in db.Locations on s.LocationId equals l.Id
                           where s.ItemId == id
                           orderby l.Path
                           select new StockLevelDto(s.ItemId, item.Item.Sku, s.LocationId, l.Code, l.Path, s.OnHand, s.UpdatedAt)).ToListAsync(ct);
        var movements = await db.Movements.AsNoTracking().Where(m => m.ItemId == id)
            .OrderByDescending(m => m.OccurredAt).ThenByDescending(m => m.Seq).Take(RecentMovements).ToListAsync(ct);
        return TypedResults.Ok(ItemDetailDto.From(ItemDto.From(item.Item, item.CategoryPath), stock, movements.Select(MovementDto.From).ToList()));
    }

    public static async Task<Results<Created<ItemDto>, ValidationProblem, ProblemHttpResult>> CreateItem(
        CreateItemRequest request, CatalogDbContext db, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var errors = ItemRules.Validate(request);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        var (categoryPath, categoryProblem) = await CheckCategoryAsync(db, request.CategoryId, null, ct);
        if (categoryProblem is not null)
            return categoryProblem;

        var now = clock.GetUtcNow();
        var item = new Item
        {
            Sku = ItemRules.NormalizeSku(request.Sku!),
            Name = request.Name!.Trim(),
            Unit = request.Unit!.Trim().ToLowerInvariant(),
            CreatedAt = now,
            UpdatedAt = now,
        };
        Apply(item, request);
        db.Items.Add(item);
        db.AuditEntries.Add(AuditDiff.Entry(AuditEntityTypes.Item, item.Id, AuditActions.Create, Caller.Id(user), now, null, item.AuditFields()));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            return UniqueProblem(ex, item);
        }
        return TypedResults.Created($"/api/items/{item.Id}", ItemDto.From(item, categoryPath));
    }

    public static async Task<Results<Ok<ItemDto>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateItem(
        Guid id, UpdateItemRequest request, CatalogDbContext db, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var errors = ItemRules.Validate(request);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        var item = await db.Items.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null)
            return TypedResults.NotFound();
        if (item.Version != request.Version)
            return Problems.StaleVersion("item");
        var (categoryPath, categoryProblem) = await CheckCategoryAsync(db, request.CategoryId, item.CategoryId, ct);
        if (categoryProblem is not null)
            return categoryProblem;
        var unit = request.Unit!.Trim().ToLowerInvariant();
        if (unit != item.Unit && !ItemRules.IsDivisible(unit)
            && await db.StockLevels.AnyAsync(s => s.ItemId == id && s.OnHand != decimal.Truncate(s.OnHand), ct))
            return Problems.Conflict("unit", $"Stock of this item has fractional quantities, which '{unit}' cannot hold.");

        var before = item.AuditFields();
        var now = clock.GetUtcNow();
        item.Sku = ItemRules.NormalizeSku(request.Sku!);
        item.Name = request.Name!.Trim();
        item.Unit = unit;
        Apply(item, request);
        var audit = AuditDiff.Entry(AuditEntityTypes.Item, id, AuditActions.Update, Caller.Id(user), now, before, item.AuditFields());
        if (audit.Changes == "{}")
            return TypedResults.Ok(ItemDto.From(item, categoryPath)); // nothing changed: no new version, no audit row
        item.Version++;
        item.UpdatedAt = now;
        db.AuditEntries.Add(audit);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.StaleVersion("item");
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            return UniqueProblem(ex, item);
        }
        return TypedResults.Ok(ItemDto.From(item, categoryPath));
    }

    public static Task<Results<Ok<ItemDto>, NotFound, ProblemHttpResult>> ArchiveItem(
        Guid id, CatalogDbContext db, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct) =>
        SetArchived(id, true, db, user, clock, ct);

    public static Task<Results<Ok<ItemDto>, NotFound, ProblemHttpResult>> UnarchiveItem(
        Guid id, CatalogDbContext db, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct) =>
        SetArchived(id, false, db, user, clock, ct);

    private static async Task<Results<Ok<ItemDto>, NotFound, ProblemHttpResult>> SetArchived(
        Guid id, bool archived, CatalogDbContext db, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var item = await db.Items.Include(i => i.Category).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null)
            return TypedResults.NotFound();
        if (item.IsArchived != archived)
        {
            var before = item.AuditFields();
            var now = clock.GetUtcNow();
            item.IsArchived = archived;
            item.UpdatedAt = now;
            item.Version++;
            db.AuditEntries.Add(AuditDiff.Entry(AuditEntityTypes.Item, id, archived ? AuditActions.Archive : AuditActions.Unarchive,
                Caller.Id(user), now, before, item.AuditFields()));
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Problems.StaleVersion("item");
            }
        }
        return TypedResults.Ok(ItemDto.From(item, item.Category?.Path));
    }

    internal static void Apply(Item item, IItemFields request)
    {
        item.Description = string.IsNullOrWhiteSpace(request.Description) ? null : request.Description.Trim();
        item.CategoryId = request.CategoryId;
        item.Barcode = ItemRules.NormalizeBarcode(request.Barcode);
        item.UnitCost = request.UnitCost ?? 0;
        item.ReorderPoint = request.ReorderPoint ?? 0;
        item.ReorderQuantity = request.ReorderQuantity ?? 0;
        item.PreferredSupplierId = request.PreferredSupplierId;
    }

    /// <summary>The category's path, or the problem with it: unknown (422) or archived (409, unless the item already had it).</summary>
    internal static async Task<(string? Path, ProblemHttpResult? Problem)> CheckCategoryAsync(
        CatalogDbContext db, Guid? categoryId, Guid? current, CancellationToken ct)
    {
        if (categoryId is null)
            return (null, null);
        var category = await db.Categories.AsNoTracking().Where(c => c.Id == categoryId)
            .Select(c => new { c.Path, c.IsArchived }).FirstOrDefaultAsync(ct);
        if (category is null)
            return (null, Problems.Unprocessable("categoryId", "No such category."));
        if (category.IsArchived && categoryId != current)
            return (null, Problems.Conflict("categoryId", "The category is archived."));
        return (category.Path, null);
    }

    private static ProblemHttpResult UniqueProblem(DbUpdateException ex, Item item) =>
        ex.IsUniqueViolation("ix_items_barcode")
            ? Problems.Conflict("barcode", $"An item with barcode '{item.Barcode}' already exists.")
            : TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]>
            {
                ["sku"] = [$"An item with SKU '{item.Sku}' already exists."],
            }) { Status = StatusCodes.Status409Conflict, Title = "The SKU is taken." });
}
