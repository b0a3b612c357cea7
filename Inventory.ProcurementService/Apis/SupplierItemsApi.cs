using Inventory.ProcurementService.Audit;
using Inventory.ProcurementService.Catalog;
using Inventory.ProcurementService.Data;
using Inventory.ProcurementService.Suppliers;
using Inventory.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
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

    public static async Task<Results<Ok<List<SupplierItemDto>>, NotFound>> ListForSupplier(Guid supplierId, ProcurementDbContext db, CancellationToken ct)
    {
        if (!await db.Suppliers.AnyAsync(s => s.Id == supplierId, ct))
            return TypedResults.NotFound();
        var items = await db.SupplierItems.AsNoTracking().Where(i => i.SupplierId == supplierId).OrderBy(i => i.ItemSku).ToListAsync(ct);
        return TypedResults.Ok(items.Select(SupplierItemDto.From).ToList());
    }

    public static async Task<Ok<List<SupplierItemDto>>> ListForItem(Guid itemId, ProcurementDbContext db, CancellationToken ct)
    {
        var items = await db.SupplierItems.AsNoTracking().Where(i => i.ItemId == itemId)
            .OrderByDescending(i => i.IsPreferred).ThenBy(i => i.UnitPrice).ToListAsync(ct);
        return TypedResults.Ok(items.Select(SupplierItemDto.From).ToList());
    }

    public static async Task<Results<Created<SupplierItemDto>, NotFound, ValidationProblem, ProblemHttpResult>> Create(
        Guid supplierId, SupplierItemRequest request, ProcurementDbContext db, CatalogItemsClient catalog, AuditTrail audit, CancellationToken ct)
    {
        var errors = SupplierRules.Validate(request, creating: true);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        var supplier = await db.Suppliers.AsNoTracking().FirstOrDefaultAsync(s => s.Id == supplierId, ct);
        if (supplier is null)
            return TypedResults.NotFound();
        if (supplier.IsArchived)
            return Problems.Conflict("supplierId", "The supplier is archived: archived suppliers take no new items.");

        CatalogItem? item;
        try
        {
            item = await catalog.GetItemAsync(request.ItemId!.Value, ct);
        }
        catch (CatalogUnavailableException)
        {
            return Problems.Unavailable("catalog service");
        }
        if (item is null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["itemId"] = ["No such catalog item."] });
        if (item.IsArchived)
            return Problems.Conflict("itemId", "The item is archived: archived items take no new supplier links.");

        var supplierItem = new SupplierItem { SupplierId = supplierId, ItemId = item.Id, ItemSku = item.Sku, ItemName = item.Name };
        Apply(supplierItem, request);
        db.SupplierItems.Add(supplierItem);
        audit.Record(db, AuditEntityTypes.SupplierItem, supplierItem.Id, AuditActions.Create, null, supplierItem.AuditFields());
        if (await SaveAsync(db, ct) is { } conflict)
            return conflict;
        return TypedResults.Created($"/api/supplier-items/{supplierItem.Id}", SupplierItemDto.From(supplierItem));
    }

    public static async Task<Results<Ok<SupplierItemDto>, NotFound, ValidationProblem, ProblemHttpResult>> Update(
        Guid id, SupplierItemRequest request, ProcurementDbContext db, AuditTrail audit, CancellationToken ct)
    {
        var errors = SupplierRules.Validate(request, creating: false);
        if (request.Version is null)
            errors["version"] = ["Version is required: send the version you read."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        var supplierItem = await db.SupplierItems.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (supplierItem is null)
            return TypedResults.NotFound();

        var before = supplierItem.AuditFields();
        if (!db.TryAdvance(supplierItem, request.Version!.Value))
            return Problems.StaleVersion("supplier item");
        Apply(supplierItem, request);
        audit.Record(db, AuditEntityTypes.SupplierItem, supplierItem.Id, AuditActions.Update, before, supplierItem.AuditFields());
        if (await SaveAsync(db, ct) is { } conflict)
            return conflict;
        return TypedResults.Ok(SupplierItemDto.From(supplierItem));
    }

    public static async Task<Results<NoContent, NotFound>> Delete(Guid id, ProcurementDbContext db, AuditTrail audit, CancellationToken ct)
    {
        var supplierItem = await db.SupplierItems.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (supplierItem is null)
            return TypedResults.NotFound();
        db.SupplierItems.Remove(supplierItem);
        audit.Record(db, AuditEntityTypes.SupplierItem, supplierItem.Id, ProcurementAuditActions.Delete, supplierItem.AuditFields(), supplierItem.AuditFields().ToDictionary(f => f.Key, _ => (object?)null));
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static void Apply(SupplierItem item, SupplierItemRequest request)
    {
        item.SupplierSku = string.IsNullOrWhiteSpace(request.SupplierSku) ? null : request.SupplierSku.Trim();
        item.UnitPrice = request.UnitPrice!.Value;
        item.MinimumOrderQuantity = request.MinimumOrderQuantity ?? 0;
        item.LeadTimeDays = request.LeadTimeDays;
        item.IsPreferred = request.IsPreferred ?? false;
    }

    private static Task<ProblemHttpResult?> SaveAsync(ProcurementDbContext db, CancellationToken ct) =>
        db.TrySaveAsync("supplier item", ct, constraint => constraint == "ux_supplier_items_preferred_item"
            ? Problems.Conflict("isPreferred", "The item already has a preferred supplier: unmark the other supplier first.")
            : Problems.Conflict("itemId", "The supplier already sells this item: edit the existing supplier item instead."));
}
