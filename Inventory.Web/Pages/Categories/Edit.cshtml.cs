using Microsoft.AspNetCore.Authorization;

namespace Inventory.Web.Pages.Categories;

/// <summary>New category (no id), or rename/move one, saved against the version it was loaded at.</summary>
[Authorize(Roles = UserRoles.Managers)]
public sealed class CategoryEditModel(CatalogClient catalog) : ApiPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty]
    public CategoryInput Input { get; set; } = new();

    public IReadOnlyList<CatalogCategory> Parents { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            var result = await catalog.GetCategoryAsync(id, ct);
            if (!result.Succeeded)
                return NotFoundOrShow(result.Problem) ?? Page();
            Input = CategoryInput.From(result.Value);
        }
        await LoadParentsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var result = await catalog.SaveCategoryAsync(Id, Input.ToWrite(), FormKeys.OrNew(Input.IdempotencyKey), ct);
            if (result.Succeeded)
                return RedirectWithMessage($"Category {result.Value.Path} {(Id is null ? "created" : "saved")}.", "/Categories/Index", new { search = result.Value.Name });
            if (result.Problem.IsNotFound)
                return NotFound();
            AddProblem(result.Problem, new FieldMap("Input"));
        }
        await LoadParentsAsync(ct);
        return Page();
    }

    private async Task LoadParentsAsync(CancellationToken ct) =>
        Parents = ((await catalog.ListCategoriesAsync(false, ct)).Value?.Items ?? []).Where(c => c.Id != Id).ToList();
}
