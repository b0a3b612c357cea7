using Inventory.Web.Services.Catalog;

namespace Inventory.Web.Pages.Movements;

/// <summary>
/// The stock ledger, searchable: item (SKU or barcode), location (with its bins), type, person (e-mail), reference and a
/// date range; keyset pages; a CSV export of exactly what the filters select.
/// </summary>
public sealed class MovementListModel(CatalogClient catalog, UserNames users) : ListPage<LedgerRow>
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public Guid? ItemId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Item { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? LocationId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Type { get; set; }
    [BindProperty(SupportsGet = true)] public string? Person { get; set; }
    [BindProperty(SupportsGet = true)] public string? Reference { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }

    public IReadOnlyList<CatalogLocation> Locations { get; private set; } = [];
    public UserNames Users => users;

    public override IReadOnlyDictionary<string, string?> Filters => new Dictionary<string, string?>
    {
        ["itemId"] = Item is null ? ItemId?.ToString() : null, ["item"] = Item, ["locationId"] = LocationId?.ToString(),
        ["type"] = Type, ["person"] = Person, ["reference"] = Reference,
        ["from"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["to"] = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>The export link: the same filters, every row.</summary>
    public string? ExportUrl => Url.Page("/Movements/Index", "Export", new RouteValueDictionary(Filters.Where(f => f.Value is not null)
        .ToDictionary(f => f.Key, f => (object?)f.Value)));

    public async Task OnGetAsync(CancellationToken ct)
    {
        // The location picker loads its choices as the user types (data-picker-preload); the page names only the chosen one.
        var locations = PickerChoices.ChosenAsync([LocationId], catalog.GetLocationAsync, ct);
        if (await QueryAsync(ct) is { } query)
            await ShowAsync(catalog.FindMovementsAsync(query, After, PageSize, ct));
        Locations = await locations;
        if (Rows is { } rows)
            await users.LoadAsync(rows.Items.Select(r => r.UserId), ct);
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (await QueryAsync(ct) is not { } query)
        {
            await OnGetAsync(ct);
            return Page();
        }
        return await DownloadAsync(await catalog.ExportMovementsAsync(query, ct), "movements.csv", () => OnGetAsync(ct), ct);
    }

    /// <summary>
    /// The filters as the catalog takes them: the item typed as a SKU or barcode and the person as an e-mail are looked up
    /// first; one that names nothing is an error beside its field (and nothing is listed).
    /// </summary>
    private async Task<MovementQuery?> QueryAsync(CancellationToken ct)
    {
        if (From > To)
            ModelState.AddModelError(nameof(To), "The last day must not be before the first.");
        if (Type is not null && !MovementQuery.Types.Contains(Type))
            ModelState.AddModelError(nameof(Type), "Choose a movement type from the list.");
        var itemId = ItemId;
        if (!string.IsNullOrWhiteSpace(Item))
        {
            var found = await catalog.FindItemAsync(Item, ct);
            if (!found.Succeeded)
            {
                NotFoundOrShow(found.Problem);
                return null;
            }
            itemId = found.Value?.Id;
            if (itemId is null)
                ModelState.AddModelError(nameof(Item), $"No active item has the SKU or barcode \"{Item.Trim()}\".");
        }
        string? userId = null;
        if (!string.IsNullOrWhiteSpace(Person))
        {
            userId = await users.IdOfAsync(Person, ct);
            if (userId is null)
                ModelState.AddModelError(nameof(Person), $"No one with the e-mail \"{Person.Trim()}\" has signed in here.");
        }
        if (!ModelState.IsValid)
            return null;
        return new MovementQuery(itemId, LocationId, Type, userId, string.IsNullOrWhiteSpace(Reference) ? null : Reference.Trim(), From, To);
    }
}
