using Microsoft.AspNetCore.Authorization;

namespace Inventory.Web.Pages.Locations;

/// <summary>New location (no id) or edit one, saved against the version it was loaded at.</summary>
[Authorize(Roles = UserRoles.Managers)]
public sealed class LocationFormModel(CatalogClient catalog) : FormPage<LocationInput>
{
    /// <summary>The chosen parent, if any: the form's picker finds any other active location as the user types.</summary>
    public IReadOnlyList<CatalogLocation> Parents { get; private set; } = [];

    protected override async Task<ApiProblem?> ReadAsync(Guid id, CancellationToken ct) => Read(await catalog.GetLocationAsync(id, ct), LocationInput.From);

    protected override async Task LoadChoicesAsync(CancellationToken ct) =>
        Parents = await PickerChoices.ChosenAsync([Input.ParentId], catalog.GetLocationAsync, ct);

    protected override async Task<IActionResult?> SaveAsync(string idempotencyKey, CancellationToken ct) =>
        Saved(await catalog.SaveLocationAsync(Id, Input.ToWrite(), idempotencyKey, ct), location =>
            RedirectWithMessage($"Location {location.Code} {(Id is null ? "created" : "saved")}.", "/Locations/Index", new { search = location.Code }));
}
