namespace Inventory.Web.Pages.Items;

/// <summary>What the new-item and edit-item pages share: the form, its category choice, and saving it.</summary>
public abstract class ItemFormPage(CatalogClient catalog) : ApiPageModel
{
    protected CatalogClient Catalog => catalog;

    [BindProperty]
    public ItemInput Input { get; set; } = new();

    /// <summary>Active categories by path for the form's choice (none when the catalog cannot list them: the form still works).</summary>
    public IReadOnlyList<CatalogCategory> Categories { get; private set; } = [];

    /// <summary>The item edited; null for a new one.</summary>
    protected abstract Guid? ItemId { get; }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var result = await catalog.SaveItemAsync(ItemId, Input.ToWrite(), FormKeys.OrNew(Input.IdempotencyKey), ct);
            if (result.Succeeded)
                return RedirectWithMessage($"Item {result.Value.Sku} {(ItemId is null ? "created" : "saved")}.", "/Items/Details", new { id = result.Value.Id });
            if (result.Problem.IsNotFound)
                return NotFound();
            // A stale version keeps the user's input: they reload to see the other change, then re-apply theirs.
            AddProblem(result.Problem, new FieldMap("Input"));
        }
        await LoadCategoriesAsync(ct);
        return Page();
    }

    protected async Task LoadCategoriesAsync(CancellationToken ct) =>
        Categories = (await catalog.ListCategoriesAsync(includeArchived: false, ct)).Value?.Items ?? [];
}
