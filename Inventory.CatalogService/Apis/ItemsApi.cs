using Inventory.CatalogService.Data;
using Inventory.CatalogService.Items;
using Inventory.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Inventory.CatalogService.Apis;

public static class ItemsApi
{
    public static IEndpointRouteBuilder MapItemsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/items").WithTags("Items");
        api.MapGet("/", ListItems).WithName("ListItems")
            .WithSummary("Lists items: search, filters (category with descendants, location, low stock, archived), four sort orders, keyset pages")
            .RequireAuthorization(Policies.Read);
        api.MapGet("/lookup", LookupItem).WithName("LookupItem").WithSummary("The active item whose SKU (regardless of case) or barcode is the code")
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
        var errors = new Dictionary<string, string[]>();
        var list = ItemListQuery.Read(errors, search, categoryId, locationId, lowStock, archived, includeArchived, sort, dir);
        var size = Paging.ReadPage(errors, pageSize, after, list.Ordering, 2, out var afterKey);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        var page = await list.RunAsync(db, size, afterKey, ct);
        return page is null ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["after"] = [Paging.InvalidCursor] }) : TypedResults.Ok(page);
    }

    public static async Task<Results<Ok<ItemDto>, ProblemHttpResult>> LookupItem(CatalogDbContext db, string? code = null, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        if (QueryValues.Text(errors, "code", code) is not { } text)
            return Problems.Invalid(errors.Count > 0 ? errors : new() { ["code"] = ["Give a SKU or a barcode."] });
        return await ItemQueries.LookupAsync(db, text, ct) is { } item ? TypedResults.Ok(item) : Problems.NotFound("item");
    }

    public static async Task<Results<Ok<ItemDetailDto>, ProblemHttpResult>> GetItem(Guid id, CatalogDbContext db, CancellationToken ct) =>
        await ItemQueries.DetailAsync(db, id, ct) is { } item ? TypedResults.Ok(item) : Problems.NotFound("item");

    // Every write takes an Idempotency-Key (the kit's IdempotentWrite): a retry or a double submit gets the first answer.
    public static Task<Results<Created<ItemDto>, Ok<ItemDto>, ValidationProblem, ProblemHttpResult>> CreateItem(
        CreateItemRequest request, [FromHeader(Name = IdempotencyRules.HeaderName)] string? idempotencyKey, CatalogDbContext db, ItemWriter items, HttpContext http, CancellationToken ct) =>
        IdempotentWrite.RunAsync(db, http, idempotencyKey, request, Location, t => items.CreateAsync(request, t), ct);

    public static Task<Results<Created<ItemDto>, Ok<ItemDto>, ValidationProblem, ProblemHttpResult>> UpdateItem(
        Guid id, UpdateItemRequest request, [FromHeader(Name = IdempotencyRules.HeaderName)] string? idempotencyKey, CatalogDbContext db, ItemWriter items, HttpContext http, CancellationToken ct) =>
        IdempotentWrite.RunAsync(db, http, idempotencyKey, request, Location, t => items.UpdateAsync(id, request, t), ct, created: false);

    /// <summary>With <c>version</c> (the list's bulk archive), only the item as it was at that version: 409 if it changed since.</summary>
    public static async Task<Results<Created<ItemDto>, Ok<ItemDto>, ValidationProblem, ProblemHttpResult>> ArchiveItem(
        Guid id, [FromHeader(Name = IdempotencyRules.HeaderName)] string? idempotencyKey, CatalogDbContext db, ItemWriter items, HttpContext http,
        string? version = null, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        var seen = QueryValues.Int(errors, "version", version, 1, int.MaxValue);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        return await IdempotentWrite.RunAsync(db, http, idempotencyKey, new { id, version = seen }, Location,
            t => items.SetArchivedAsync(id, true, seen, t), ct, created: false);
    }

    public static Task<Results<Created<ItemDto>, Ok<ItemDto>, ValidationProblem, ProblemHttpResult>> UnarchiveItem(
        Guid id, [FromHeader(Name = IdempotencyRules.HeaderName)] string? idempotencyKey, CatalogDbContext db, ItemWriter items, HttpContext http, CancellationToken ct) =>
        IdempotentWrite.RunAsync(db, http, idempotencyKey, new { id }, Location, t => items.SetArchivedAsync(id, false, null, t), ct, created: false);

    private static string Location(ItemDto item) => $"/api/items/{item.Id}";
}
