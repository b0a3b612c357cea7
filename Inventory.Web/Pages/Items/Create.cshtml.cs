using Inventory.Web.Pages.Shared;
using Inventory.Web.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Inventory.Web.Pages.Items;

[Authorize(Roles = UserRoles.Managers)]
public sealed class ItemCreateModel(CatalogClient catalog) : ApiPageModel
{
    [BindProperty]
    public ItemInput Input { get; set; } = new();

    public IReadOnlyList<CatalogCategory> Categories { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Categories = await ItemForm.CategoriesAsync(catalog, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var result = await catalog.CreateItemAsync(Input.ToWrite(), ct);
            if (result.Succeeded)
                return RedirectWithMessage($"Item {result.Value.Sku} created.", "/Items/Details", new { id = result.Value.Id });
            AddProblem(result.Problem, ItemInput.FieldFor);
        }
        Categories = await ItemForm.CategoriesAsync(catalog, ct);
        return Page();
    }
}

/// <summary>What the item forms need besides the item.</summary>
internal static class ItemForm
{
    /// <summary>Active categories by path for the form's choice (none when the catalog cannot list them: the form still works).</summary>
    public static async Task<IReadOnlyList<CatalogCategory>> CategoriesAsync(CatalogClient catalog, CancellationToken ct)
    {
        var result = await catalog.ListCategoriesAsync(includeArchived: false, ct);
        return result.Succeeded ? result.Value.Items : [];
    }
}
