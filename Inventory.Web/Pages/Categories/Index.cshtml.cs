using Inventory.ServiceDefaults.Kit;
using Inventory.ServiceDefaults;
using Inventory.Web.Pages.Shared;
using Inventory.Web.Services;
using Microsoft.AspNetCore.Mvc;

namespace Inventory.Web.Pages.Categories;

/// <summary>Categories as a tree (by path), search, "include archived", keyset pages; archive/unarchive for managers.</summary>
public sealed class CategoryListModel(CatalogClient catalog) : ApiPageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public bool Archived { get; set; }
    [BindProperty(SupportsGet = true)] public string? After { get; set; }

    public Page<CatalogCategory>? Categories { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostArchiveAsync(Guid id, CancellationToken ct) => SetArchivedAsync(id, true, ct);

    public Task<IActionResult> OnPostUnarchiveAsync(Guid id, CancellationToken ct) => SetArchivedAsync(id, false, ct);

    private async Task<IActionResult> SetArchivedAsync(Guid id, bool archived, CancellationToken ct)
    {
        var result = await catalog.SetCategoryArchivedAsync(id, archived, ct);
        if (result.Succeeded)
            return RedirectWithMessage($"Category {result.Value.Path} {(archived ? "archived" : "restored")}.", "/Categories/Index",
                new { search = Search, archived = Archived ? "true" : null });
        AddProblem(result.Problem);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var result = await catalog.FindTreeAsync<CatalogCategory>("api/categories", Search, Archived, After, PageSize, ct);
        if (result.Succeeded)
            Categories = result.Value;
        else
            NotFoundOrShow(result.Problem);
    }
}
