using Microsoft.AspNetCore.Authorization;

namespace Inventory.Web.Pages.Locations;

/// <summary>New location (no id) or edit one, saved against the version it was loaded at.</summary>
[Authorize(Roles = UserRoles.Managers)]
public sealed class LocationEditModel(CatalogClient catalog) : ApiPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty]
    public LocationInput Input { get; set; } = new();

    public IReadOnlyList<CatalogLocation> Parents { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            var result = await catalog.GetLocationAsync(id, ct);
            if (!result.Succeeded)
                return NotFoundOrShow(result.Problem) ?? Page();
            Input = LocationInput.From(result.Value);
        }
        await LoadParentsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var result = await catalog.SaveLocationAsync(Id, Input.ToWrite(), FormKeys.OrNew(Input.IdempotencyKey), ct);
            if (result.Succeeded)
                return RedirectWithMessage($"Location {result.Value.Code} {(Id is null ? "created" : "saved")}.", "/Locations/Index", new { search = result.Value.Code });
            if (result.Problem.IsNotFound)
                return NotFound();
            AddProblem(result.Problem, new FieldMap("Input"));
        }
        await LoadParentsAsync(ct);
        return Page();
    }

    private async Task LoadParentsAsync(CancellationToken ct) =>
        Parents = ((await catalog.ListLocationsAsync(false, ct)).Value?.Items ?? []).Where(l => l.Id != Id).ToList();
}
