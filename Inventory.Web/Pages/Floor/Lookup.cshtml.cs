using Inventory.Web.Scanning;

namespace Inventory.Web.Pages.Floor;

/// <summary>
/// Look up (every role): scan an item → its stock per location and its latest movements; scan a location → what it
/// holds, per item (with the locations under it, as the inventory list filtered by location counts it).
/// </summary>
public sealed class FloorLookupModel(CodeResolver resolver, CatalogClient catalog) : FloorPage(resolver)
{
    public const int MovementsShown = 10;
    public const int ItemsShown = 100;

    public ItemDetail? Item { get; private set; }

    public CatalogLocation? Location { get; private set; }

    /// <summary>The items the scanned location holds (<see cref="ItemSummary.LocationOnHand"/>: the quantity there).</summary>
    public IReadOnlyList<ItemSummary> Holds { get; private set; } = [];

    /// <summary>The location paths of the item's movements (by id), for words instead of ids.</summary>
    public IReadOnlyDictionary<Guid, string> LocationPaths { get; private set; } = new Dictionary<Guid, string>();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostScanAsync(CancellationToken ct)
    {
        if (await ScanAsync(ct) is not { } scanned)
            return Page();
        // A code may name an item and a location at once (they are unique only among their kind): show both.
        if (scanned.Items.Count == 1)
            await ShowItemAsync(scanned.Items[0].Id, ct);
        if (scanned.Locations.Count == 1)
            await ShowLocationAsync(scanned.Locations[0], ct);
        if (Item is null && Location is null)
            Refuse(scanned, Math.Max(scanned.Items.Count, scanned.Locations.Count), "item or location");
        return Page();
    }

    protected override Task<IActionResult> ShowAsync(CancellationToken ct) => Task.FromResult<IActionResult>(Page());

    private async Task ShowItemAsync(Guid id, CancellationToken ct)
    {
        var item = await catalog.GetItemAsync(id, ct);
        if (!item.Succeeded)
        {
            Feedback = ScanFeedback.Error(item.Problem.Title);
            return;
        }
        Item = item.Value;
        Feedback = ScanFeedback.Success($"{Item.Sku} · {Item.Name}: {Format.Quantity(Item.OnHand)} {Item.Unit} on hand.");
        var paths = Item.Stock.DistinctBy(s => s.LocationId).ToDictionary(s => s.LocationId, s => s.LocationPath);
        // A movement at a location that no longer holds a stock row: that location, looked up by id, names it.
        var movedAt = Item.RecentMovements.Select(m => m.LocationId).Where(l => !paths.ContainsKey(l)).Select(l => (Guid?)l);
        foreach (var location in await PickerChoices.ChosenAsync(movedAt, catalog.GetLocationAsync, ct))
            paths.TryAdd(location.Id, location.Path);
        LocationPaths = paths;
    }

    private async Task ShowLocationAsync(CatalogLocation location, CancellationToken ct)
    {
        var items = await catalog.FindItemsAsync(new ItemQuery(null, null, location.Id, false, "active", "sku", "asc"), null, ItemsShown, ct);
        if (!items.Succeeded)
        {
            Feedback = ScanFeedback.Error(items.Problem.Title);
            return;
        }
        Location = location;
        Holds = items.Value.Items.Where(i => i.LocationOnHand is not null and not 0).ToList();
        if (Item is null)
            Feedback = ScanFeedback.Success($"{location.Path} · {location.Name}: {Holds.Count} item{(Holds.Count == 1 ? "" : "s")}.");
    }
}
