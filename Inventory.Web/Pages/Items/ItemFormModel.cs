using Microsoft.AspNetCore.Authorization;

namespace Inventory.Web.Pages.Items;

/// <summary>The new-item page (no id) and the edit-item page: the form, its category choice, and saving it.</summary>
[Authorize(Roles = UserRoles.Managers)]
public sealed class ItemFormModel(CatalogClient catalog) : FormPage<ItemInput>
{
    /// <summary>The chosen category, if any: the form's picker finds the others as the user types.</summary>
    public IReadOnlyList<CatalogCategory> Categories { get; private set; } = [];

    protected override async Task<ApiProblem?> ReadAsync(Guid id, CancellationToken ct) => Read(await catalog.GetItemAsync(id, ct), ItemInput.From);

    protected override async Task LoadChoicesAsync(CancellationToken ct) =>
        Categories = await PickerChoices.ChosenAsync([Input.CategoryId], catalog.GetCategoryAsync, ct);

    protected override async Task<IActionResult?> SaveAsync(string idempotencyKey, CancellationToken ct) =>
        Saved(await catalog.SaveItemAsync(Id, Input.ToWrite(), idempotencyKey, ct), item =>
            RedirectWithMessage($"Item {item.Sku} {(Id is null ? "created" : "saved")}.", "/Items/Details", new { id = item.Id }));
}
