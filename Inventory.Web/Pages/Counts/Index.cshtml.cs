using Inventory.ServiceDefaults.Kit;
using System.ComponentModel.DataAnnotations;
using Inventory.ServiceDefaults;
using Inventory.Web.Pages.Shared;
using Inventory.Web.Services;
using Microsoft.AspNetCore.Mvc;

namespace Inventory.Web.Pages.Counts;

/// <summary>Cycle counts, newest first, by status; Clerk and above open a count of a location.</summary>
public sealed class CountListModel(CatalogClient catalog) : ApiPageModel
{
    public const int PageSize = 50;
    public static readonly string[] Statuses = ["open", "posted", "cancelled"];

    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? After { get; set; }

    [BindProperty]
    public OpenCountInput Open { get; set; } = new() { IdempotencyKey = Guid.NewGuid().ToString() };

    public Page<CountSummary>? Counts { get; private set; }
    public IReadOnlyList<CatalogLocation> Locations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostOpenAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var key = string.IsNullOrWhiteSpace(Open.IdempotencyKey) ? Guid.NewGuid().ToString() : Open.IdempotencyKey;
            var result = await catalog.OpenCountAsync(new OpenCountWrite(Open.LocationId, Open.Blind, Open.Note), key, ct);
            if (result.Succeeded)
                return RedirectWithMessage($"Count of {result.Value.LocationCode} opened with {result.Value.Lines.Count} line(s).", "/Counts/Details", new { id = result.Value.Id });
            AddProblem(result.Problem, path => ApiProblemModelState.Field(path, "Open", "locationId", "note"));
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var counts = catalog.ListCountsAsync(Statuses.Contains(Status) ? Status : null, After, PageSize, ct);
        var locations = User.CanOperate() ? catalog.ListLocationTreeAsync(false, ct) : null;
        var result = await counts;
        if (result.Succeeded)
            Counts = result.Value;
        else
            NotFoundOrShow(result.Problem);
        if (locations is not null)
            Locations = (await locations).Value?.Items ?? [];
    }
}

public sealed class OpenCountInput
{
    [Display(Name = "Location")]
    public Guid? LocationId { get; set; }

    [Display(Name = "Blind (counters do not see the expected quantities)")]
    public bool Blind { get; set; }

    public string? Note { get; set; }
    public string? IdempotencyKey { get; set; }
}
