using Inventory.Web.Pages.Shared;
using Inventory.Web.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Inventory.Web.Pages.Items;

[Authorize(Roles = UserRoles.Managers)]
public sealed class ItemEditModel(CatalogClient catalog) : ApiPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public ItemInput Input { get; set; } = new();

    public IReadOnlyList<CatalogCategory> Categories { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await catalog.GetItemAsync(Id, ct);
        if (!result.Succeeded)
            return NotFoundOrShow(result.Problem) ?? Page();
        Input = ItemInput.From(result.Value);
        Categories = await ItemForm.CategoriesAsync(catalog, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var result = await catalog.UpdateItemAsync(Id, Input.ToWrite(), ct);
            if (result.Succeeded)
                return RedirectWithMessage($"Item {result.Value.Sku} saved.", "/Items/Details", new { id = Id });
            if (result.Problem.IsNotFound)
                return NotFound();
            // A stale version keeps the user's input: they reload to see the other change, then re-apply theirs.
            AddProblem(result.Problem, ItemInput.FieldFor);
        }
        Categories = await ItemForm.CategoriesAsync(catalog, ct);
        return Page();
    }
}
