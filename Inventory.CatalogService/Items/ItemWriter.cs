using Inventory.CatalogService.Audit;
using Inventory.CatalogService.Common;
using Inventory.CatalogService.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Inventory.CatalogService.Items;

/// <summary>Creates, edits, archives and restores items, audited; each answers the item as a read would show it.</summary>
public sealed class ItemWriter(CatalogDbContext db, MasterDataChanges changes)
{
    private const string What = "item";

    public async Task<Outcome<ItemDto>> CreateAsync(CreateItemRequest request, CancellationToken ct)
    {
        var errors = ItemRules.Validate(request);
        if (errors.Count > 0)
            return Problems.Invalid(errors);
        if (await CategoryProblemAsync(request.CategoryId, null, ct) is { } categoryProblem)
            return categoryProblem;
        var item = new Item();
        item.Apply(request);
        db.Items.Add(item);
        changes.Created(item, AuditEntityTypes.Item);
        return await SaveAsync(item, ct);
    }

    public async Task<Outcome<ItemDto>> UpdateAsync(Guid id, UpdateItemRequest request, CancellationToken ct)
    {
        var errors = ItemRules.Validate(request);
        if (errors.Count > 0)
            return Problems.Invalid(errors);
        var item = await db.Items.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null)
            return Problems.NotFound(What);
        if (item.Version != request.Version)
            return Problems.StaleVersion(What);
        if (await CategoryProblemAsync(request.CategoryId, item.CategoryId, ct) is { } categoryProblem)
            return categoryProblem;
        var unit = request.Unit!.Trim().ToLowerInvariant();
        if (unit != item.Unit && !ItemRules.IsDivisible(unit)
            && await db.StockLevels.AnyAsync(s => s.ItemId == id && s.OnHand != decimal.Truncate(s.OnHand), ct))
            return Problems.Conflict("unit", $"Stock of this item has fractional quantities, which '{unit}' cannot hold.");

        var before = item.AuditFields();
        item.Apply(request);
        changes.Edited(item, AuditEntityTypes.Item, AuditActions.Update, before, request.Version.Value);
        return await SaveAsync(item, ct);
    }

    /// <summary>
    /// Archives or restores an item; with <paramref name="version"/>, only the item as it was at that version (a list's
    /// bulk archive: what the user saw). Already so is no change (idempotent), and so is a race lost to the same change:
    /// the item is archived once, with one audit row, and both callers get it.
    /// </summary>
    public async Task<Outcome<ItemDto>> SetArchivedAsync(Guid id, bool archived, int? version, CancellationToken ct)
    {
        var item = await db.Items.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null)
            return Problems.NotFound(What);
        if (item.IsArchived != archived && version is { } seen && seen != item.Version)
            return Problems.StaleVersion(What);
        changes.SetArchived(item, AuditEntityTypes.Item, archived);
        if (await db.TrySaveAsync(What, ct) is { } problem)
        {
            db.ChangeTracker.Clear();
            var now = await db.Items.AsNoTracking().Where(i => i.Id == id).Select(i => (bool?)i.IsArchived).FirstOrDefaultAsync(ct);
            return now == archived ? await ItemQueries.ReadAsync(db, id, ct) : problem;
        }
        return await ItemQueries.ReadAsync(db, id, ct);
    }

    /// <summary>Why an item cannot have the category: unknown (422) or archived (409, unless the item already had it).</summary>
    private async Task<ProblemHttpResult?> CategoryProblemAsync(Guid? categoryId, Guid? current, CancellationToken ct)
    {
        if (categoryId is null)
            return null;
        var archived = await db.Categories.Where(c => c.Id == categoryId).Select(c => (bool?)c.IsArchived).FirstOrDefaultAsync(ct);
        if (archived is null)
            return Problems.Unprocessable("categoryId", "No such category.");
        return archived.Value && categoryId != current ? Problems.Conflict("categoryId", "The category is archived.") : null;
    }

    private async Task<Outcome<ItemDto>> SaveAsync(Item item, CancellationToken ct)
    {
        if (await db.TrySaveAsync(What, ct, constraint => Taken(constraint, item)) is { } problem)
            return problem;
        return await ItemQueries.ReadAsync(db, item.Id, ct);
    }

    private static ProblemHttpResult Taken(string? constraint, Item item) =>
        constraint == ItemConfiguration.BarcodeIndex
            ? Problems.Conflict("barcode", $"An item with barcode '{item.Barcode}' already exists.")
            : TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]>
            {
                ["sku"] = [$"An item with SKU '{item.Sku}' already exists."],
            }) { Status = StatusCodes.Status409Conflict, Title = "The SKU is taken." });
}
