using Inventory.ServiceDefaults.Kit;
using Inventory.ServiceDefaults;
using Inventory.Web.Pages.Shared;
using Inventory.Web.Services;
using Microsoft.AspNetCore.Mvc;

namespace Inventory.Web.Pages.Locations;

/// <summary>Warehouses and bins as a tree (by path), search, "include archived", keyset pages; archive/unarchive for managers.</summary>
public sealed class LocationListModel(CatalogClient catalog) : ApiPageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public bool Archived { get; set; }
    [BindProperty(SupportsGet = true)] public string? After { get; set; }

    public Page<CatalogLocation>? Locations { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostArchiveAsync(Guid id, CancellationToken ct) => SetArchivedAsync(id, true, ct);

    public Task<IActionResult> OnPostUnarchiveAsync(Guid id, CancellationToken ct) => SetArchivedAsync(id, false, ct);

    private async Task<IActionResult> SetArchivedAsync(Guid id, bool archived, CancellationToken ct)
    {
        var result = await catalog.SetLocationArchivedAsync(id, archived, ct);
        if (result.Succeeded)
            return RedirectWithMessage($"Location {result.Value.Code} {(archived ? "archived" : "restored")}.", "/Locations/Index",
                new { search = Search, archived = Archived ? "true" : null });
        AddProblem(result.Problem);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var result = await catalog.FindTreeAsync<CatalogLocation>("api/locations", Search, Archived, After, PageSize, ct);
        if (result.Succeeded)
            Locations = result.Value;
        else
            NotFoundOrShow(result.Problem);
    }
}
