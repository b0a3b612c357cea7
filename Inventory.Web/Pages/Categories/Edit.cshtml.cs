using Microsoft.AspNetCore.Authorization;

namespace Inventory.Web.Pages.Categories;

/// <summary>New category (no id), or rename/move one, saved against the version it was loaded at.</summary>
[Authorize(Roles = UserRoles.Managers)]
public sealed class CategoryFormModel(CatalogClient catalog) : FormPage<CategoryInput>
{
    /// <summary>Where the category may go: any other active category.</summary>
    public IReadOnlyList<CatalogCategory> Parents { get; private set; } = [];

    protected override async Task<ApiProblem?> ReadAsync(Guid id, CancellationToken ct) => Read(await catalog.GetCategoryAsync(id, ct), CategoryInput.From);

    protected override async Task LoadChoicesAsync(CancellationToken ct) =>
        Parents = (await PickerChoices.WithChosenAsync((await catalog.ListCategoriesAsync(false, ct)).Value?.Items ?? [], c => c.Id,
            [Input.ParentId], catalog.GetCategoryAsync, ct)).Where(c => c.Id != Id).ToList();

    protected override async Task<IActionResult?> SaveAsync(string idempotencyKey, CancellationToken ct) =>
        Saved(await catalog.SaveCategoryAsync(Id, Input.ToWrite(), idempotencyKey, ct), category =>
            RedirectWithMessage($"Category {category.Path} {(Id is null ? "created" : "saved")}.", "/Categories/Index", new { search = category.Name }));
}
