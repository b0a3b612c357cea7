using Inventory.ProcurementService.Data;
using Inventory.ProcurementService.Suppliers;
using Inventory.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Inventory.ProcurementService.Apis;

/// <summary>What each supplier sells of which catalog item, at what price; at most one preferred supplier per item.</summary>
public static class SupplierItemsApi
{
    public static IEndpointRouteBuilder MapSupplierItemsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("api/suppliers/{supplierId:guid}/items", ListForSupplier).RequireAuthorization(Policies.Read).WithTags("Supplier items")
            .WithName("ListSupplierItems").WithSummary("The items a supplier sells");
        app.MapGet("api/items/{itemId:guid}/suppliers", ListForItem).RequireAuthorization(Policies.Read).WithTags("Supplier items")
            .WithName("ListItemSuppliers").WithSummary("The suppliers of a catalog item, preferred first");
        app.MapPost("api/suppliers/{supplierId:guid}/items", Create).RequireAuthorization(Policies.Manage).WithTags("Supplier items")
            .WithName("CreateSupplierItem").WithSummary("Links a catalog item to a supplier with the supplier's terms");
        app.MapPut("api/supplier-items/{id:guid}", Update).RequireAuthorization(Policies.Manage).WithTags("Supplier items")
            .WithName("UpdateSupplierItem").WithSummary("Changes a supplier item's terms (optimistic concurrency on version)");
        app.MapDelete("api/supplier-items/{id:guid}", Delete).RequireAuthorization(Policies.Manage).WithTags("Supplier items")
            .WithName("DeleteSupplierItem").WithSummary("Removes an item from a supplier's list");
        return app;
    }

    public static async Task<Results<Ok<List<SupplierItemDto>>, ProblemHttpResult>> ListForSupplier(
        Guid supplierId, ProcurementDbContext db, CancellationToken ct)
    {
        if (!await db.Suppliers.AnyAsync(s => s.Id == supplierId, ct))
            return Problems.NotFound("supplier");
        var items = await db.SupplierItems.AsNoTracking().Where(i => i.SupplierId == supplierId).OrderBy(i => i.ItemSku).ToListAsync(ct);
        return TypedResults.Ok(items.Select(SupplierItemDto.From).ToList());
    }

    public static async Task<Ok<List<SupplierItemDto>>> ListForItem(Guid itemId, ProcurementDbContext db, CancellationToken ct)
    {
        var items = await db.SupplierItems.AsNoTracking().Where(i => i.ItemId == itemId)
            .OrderByDescending(i => i.IsPreferred).ThenBy(i => i.UnitPrice).ToListAsync(ct);
        return TypedResults.Ok(items.Select(SupplierItemDto.From).ToList());
    }

    public static Task<Results<Created<SupplierItemDto>, Ok<SupplierItemDto>, ValidationProblem, ProblemHttpResult>> Create(
        Guid supplierId, SupplierItemRequest request, [FromHeader(Name = IdempotencyRules.HeaderName)] string? idempotencyKey,
        ProcurementDbContext db, SupplierItemService supplierItems, HttpContext http, CancellationToken ct) =>
        ValidatedWrite.RunAsync(SupplierRules.Validate(request, creating: true), db, http, idempotencyKey, request, Location,
            t => supplierItems.CreateAsync(supplierId, request, t), ct);

    public static Task<Results<Created<SupplierItemDto>, Ok<SupplierItemDto>, ValidationProblem, ProblemHttpResult>> Update(
        Guid id, SupplierItemRequest request, [FromHeader(Name = IdempotencyRules.HeaderName)] string? idempotencyKey,
        ProcurementDbContext db, SupplierItemService supplierItems, HttpContext http, CancellationToken ct) =>
        ValidatedWrite.RunAsync(SupplierRules.Validate(request, creating: false), db, http, idempotencyKey, request, Location,
            t => supplierItems.UpdateAsync(id, request, t), ct, created: false);

    /// <summary>204 when removed (a replay with the same key answers 204 again); the removed item is what the key remembers.</summary>
    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Delete(
        Guid id, [FromHeader(Name = IdempotencyRules.HeaderName)] string? idempotencyKey,
        ProcurementDbContext db, SupplierItemService supplierItems, HttpContext http, CancellationToken ct)
    {
        var result = await IdempotentWrite.RunAsync(db, http, idempotencyKey, new { id }, Location,
            t => supplierItems.DeleteAsync(id, t), ct, created: false);
        return result.Result switch
        {
            ValidationProblem invalid => invalid,
            ProblemHttpResult problem => problem,
            _ => TypedResults.NoContent(),
        };
    }

    private static string Location(SupplierItemDto item) => $"/api/supplier-items/{item.Id}";
}
