namespace Inventory.Web.Pages.Counts;

/// <summary>Cycle counts, newest first, by status; Clerk and above open a count of a location.</summary>
public sealed class CountListModel(CatalogClient catalog) : ListPage<CountSummary>
{
    public const int PageSize = 50;
    public static readonly string[] Statuses = ["open", "posted", "cancelled"];

    [BindProperty(SupportsGet = true)] public string? Status { get; set; }

    [BindProperty]
    public OpenCountInput Open { get; set; } = new();

    public IReadOnlyList<CatalogLocation> Locations { get; private set; } = [];

    public override IReadOnlyDictionary<string, string?> Filters => new Dictionary<string, string?> { ["status"] = Status };

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostOpenAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var result = await catalog.OpenCountAsync(Open.ToWrite(), FormKeys.OrNew(Open.IdempotencyKey), ct);
            if (result.Succeeded)
                return RedirectWithMessage($"Count of {result.Value.LocationCode} opened with {result.Value.Lines.Count} line(s).", "/Counts/Details", new { id = result.Value.Id });
            AddProblem(result.Problem, new FieldMap(nameof(Open)));
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var counts = ShowAsync(catalog.ListCountsAsync(Statuses.Contains(Status) ? Status : null, After, PageSize, ct));
        // The form's picker finds locations as the user types: the page names only the chosen one.
        var locations = User.CanOperate() ? PickerChoices.ChosenAsync([Open.LocationId], catalog.GetLocationAsync, ct) : null;
        await counts;
        if (locations is not null)
            Locations = await locations;
    }
}
