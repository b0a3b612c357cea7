namespace Inventory.Web.Pages.Items;

/// <summary>The item list: search, category/location/low-stock/archived filters, four sort orders, keyset pages.</summary>
public sealed class ItemListModel(CatalogClient catalog) : ListPage<ItemSummary>
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? CategoryId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? LocationId { get; set; }
    [BindProperty(SupportsGet = true)] public bool LowStock { get; set; }
    [BindProperty(SupportsGet = true)] public string? Archived { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public string? Dir { get; set; }

    public IReadOnlyList<CatalogCategory> Categories { get; private set; } = [];
    public IReadOnlyList<CatalogLocation> Locations { get; private set; } = [];

    public ItemQuery Query => new(Search, CategoryId, LocationId, LowStock,
        ItemQuery.ArchivedFilters.Contains(Archived) ? Archived! : "active",
        ItemQuery.Sorts.Contains(Sort) ? Sort! : "sku",
        Dir == "desc" ? "desc" : "asc");

    public override IReadOnlyDictionary<string, string?> Filters => new Dictionary<string, string?>
    {
        ["search"] = Search, ["categoryId"] = CategoryId?.ToString(), ["locationId"] = LocationId?.ToString(),
        ["lowStock"] = LowStock ? "true" : null, ["archived"] = Query.Archived, ["sort"] = Query.Sort, ["dir"] = Query.Dir,
    };

    /// <summary>The location the list is filtered by, once the locations are loaded (its quantities get their own column).</summary>
    public CatalogLocation? SelectedLocation => Locations.FirstOrDefault(l => l.Id == LocationId);

    /// <summary>The export link: items with the list's current filters (not its sort or page), or every stock level.</summary>
    public string? ExportUrl(string what)
    {
        var values = new RouteValueDictionary { ["what"] = what };
        if (what == "items")
        {
            foreach (var key in new[] { "search", "categoryId", "locationId", "lowStock", "archived" })
                values[key] = Filters[key];
        }
        return Url.Page("/Items/Index", "Export", values);
    }

    /// <summary>The catalog's CSV export (<c>items</c>, filtered as the list is, or <c>stock</c>), streamed through as a download.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? what, CancellationToken ct)
    {
        var stock = what == "stock";
        return await DownloadAsync(await catalog.ExportAsync(stock ? null : Query, ct), stock ? "stock.csv" : "items.csv", () => OnGetAsync(ct), ct);
    }

    /// <summary>"Export selected (CSV)": the ticked rows only, in the catalog's item CSV.</summary>
    public async Task<IActionResult> OnPostExportSelectedAsync(string[]? selected, CancellationToken ct)
    {
        var rows = SelectedItem.Parse(selected);
        if (rows.Count == 0)
            return RedirectWithMessage("Tick the items to export first.", null, Filters);
        return await DownloadAsync(await catalog.ExportAsync(Query with { Archived = "all" }, ct, [.. rows.Select(r => r.Id)]), "items.csv",
            () => OnGetAsync(ct), ct);
    }

    /// <summary>
    /// "Archive selected" (Manager; the catalog checks the role again): each ticked item archived as the list showed it,
    /// one call per item with a key of its own derived from the form's, so a resubmit or a second tab archives nothing twice.
    /// The message names what was archived and each item the catalog refused, with its reason.
    /// </summary>
    /// <summary>"Print labels": the label sheet of the ticked items (a page of its own, which the browser prints).</summary>
    public IActionResult OnPostPrintLabels(string[]? selected)
    {
        var rows = SelectedItem.Parse(selected);
        if (rows.Count == 0)
            return RedirectWithMessage("Tick the items to print labels for first.", null, Filters);
        return Redirect(Url.Page("/Labels/Items", new { ids = string.Join(',', rows.Select(r => r.Id)) })!);
    }

    public async Task<IActionResult> OnPostArchiveSelectedAsync(string[]? selected, CancellationToken ct)
    {
        if (!User.CanManage())
            return Forbid();
        var rows = SelectedItem.Parse(selected);
        if (rows.Count == 0)
            return RedirectWithMessage("Tick the items to archive first.", null, Filters);
        var key = FormKey;
        var results = await Task.WhenAll(rows.Select(async r => (Row: r, Result: await catalog.ArchiveItemAtAsync(r.Id, r.Version, $"{key}:{r.Id}", ct))));
        return RedirectWithMessage(BulkArchiveReport.Of(results.Select(r => (r.Row.Sku, r.Result.Problem)).ToList()), null, Filters);
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        // The filter pickers load their choices as the user types (data-picker-preload): the page names only the chosen
        // ones, so a list costs one catalog call (three when filtered), not two more for every category and location.
        var items = ShowAsync(catalog.FindItemsAsync(Query, After, PageSize, ct));
        var categories = PickerChoices.ChosenAsync([CategoryId], catalog.GetCategoryAsync, ct);
        var locations = PickerChoices.ChosenAsync([LocationId], catalog.GetLocationAsync, ct);
        await items;
        Categories = await categories;
        Locations = await locations;
    }
}
