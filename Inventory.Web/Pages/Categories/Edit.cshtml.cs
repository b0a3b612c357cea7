using Microsoft.AspNetCore.Authorization;

namespace Inventory.Web.Pages.Categories;

/// <summary>New category (no id), or rename/move one, saved against the version it was loaded at.</summary>
[Authorize(Roles = UserRoles.Managers)]
public sealed class CategoryFormModel(CatalogClient catalog) : FormPage<CategoryInput>
{
    /// <summary>The chosen parent, if any: the form's picker finds any other active category as the user types.</summary>
    public IReadOnlyList<CatalogCategory> Parents { get; private set; } = [];

    protected override async Task<ApiProblem?> ReadAsync(Guid id, CancellationToken ct) => Read(await catalog.GetCategoryAsync(id, ct), CategoryInput.From);

    protected override async Task LoadChoicesAsync(CancellationToken ct) =>
        Parents = await PickerChoices.ChosenAsync([Input.ParentId], catalog.GetCategoryAsync, ct);

    protected override async Task<IActionResult?> SaveAsync(string idempotencyKey, CancellationToken ct) =>
        Saved(await catalog.SaveCategoryAsync(Id, Input.ToWrite(), idempotencyKey, ct), category =>
            RedirectWithMessage($"Category {category.Path} {(Id is null ? "created" : "saved")}.", "/Categories/Index", new { search = category.Name }));
}
