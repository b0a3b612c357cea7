using Inventory.Web.Scanning;
using Microsoft.AspNetCore.Authorization;

namespace Inventory.Web.Pages.Floor;

/// <summary>
/// Put away / move (Clerk and above): scan the source location → scan items, each adding one (or the typed quantity),
/// every line saying what the source holds of it → scan the destination → "Move": one transfer per line, each with
/// its own Idempotency-Key derived from the batch's (<see cref="FloorBookings"/>). Lines the catalog refuses (not
/// enough stock) stay on the page with its reason, which names what is available; the others are booked.
/// </summary>
[Authorize(Roles = UserRoles.Operators)]
public sealed class FloorMoveModel(CodeResolver resolver, CatalogClient catalog) : FloorPage(resolver)
{
    [BindProperty(SupportsGet = true)] public Guid? FromLocationId { get; set; }

    [BindProperty] public Guid? ToLocationId { get; set; }

    public CatalogLocation? From { get; private set; }

    public CatalogLocation? To { get; private set; }

    /// <summary>The lines the last "Move" booked (shown while some others were refused).</summary>
    public IReadOnlyList<FloorBooked> Booked { get; private set; } = [];

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(ct);

    public async Task<IActionResult> OnPostScanAsync(CancellationToken ct)
    {
        if (await ScanAsync(ct) is not { } scanned)
            return await ShowAsync(ct);
        if (FromLocationId is null)
            ScanSource(scanned);
        // After the source, an item joins the batch and a location is the destination (an item first: a code may be both).
        else if (scanned.Items.Count == 1)
            AddItem(ItemOf(scanned)!);
        else if (scanned.Locations.Count == 1)
            ScanDestination(scanned.Locations[0]);
        else
            Refuse(scanned, Math.Max(scanned.Items.Count, scanned.Locations.Count), "item or location");
        return await ShowAsync(ct);
    }

    /// <summary>"Change" beside the source: back to its step; the lines stay.</summary>
    public Task<IActionResult> OnPostChangeSourceAsync(CancellationToken ct)
    {
        FromLocationId = null;
        return ShowAsync(ct);
    }

    /// <summary>"Change" beside the destination: the next location scanned is the destination again.</summary>
    public Task<IActionResult> OnPostChangeDestinationAsync(CancellationToken ct)
    {
        ToLocationId = null;
        return ShowAsync(ct);
    }

    /// <summary>"Move": one transfer per line from the source to the destination.</summary>
    public async Task<IActionResult> OnPostPostAsync(CancellationToken ct)
    {
        if (FromLocationId is null || ToLocationId is null)
        {
            Feedback = ScanFeedback.Error(FromLocationId is null ? "Scan the source location first." : "Scan the destination location first.");
            return await ShowAsync(ct);
        }
        if (FloorBookings.WhyNotReady(Batch, "move") is { } refusal)
        {
            Feedback = ScanFeedback.Error(refusal);
            return await ShowAsync(ct);
        }
        var answers = await FloorBookings.BookEachAsync(Batch, (line, key) => catalog.BookMovementAsync(MovementKind.Transfer,
            new MovementWrite(line.ItemId, null, FromLocationId, ToLocationId, line.Quantity, null, null, null), key, ct));
        await LoadLocationsAsync(ct);
        Booked = answers.Where(a => a.Ok).ToList();
        var done = $"Moved from {From?.Code} to {To?.Code}: {FloorBookings.List(Booked)}.";
        if (FloorBookings.Refused(Batch, answers, "moved", done) is not { } refused)
            return RedirectWithMessage(done, null, new { fromLocationId = FromLocationId });
        Feedback = refused;
        return await ShowAsync(ct);
    }

    protected override async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        await LoadLocationsAsync(ct);
        if (From is not null && Batch.Lines.Count > 0)
            await FloorHoldings.DescribeAsync(catalog, From, Batch.Lines, ct);
        return Page();
    }

    private void ScanSource(CodeResolution scanned)
    {
        if (LocationOf(scanned) is not { } location)
            return;
        FromLocationId = location.Id;
        From = location;
        Feedback = ScanFeedback.Success($"Moving from {location.Path}. Now scan the items.");
    }

    private void AddItem(ItemSummary item)
    {
        var line = Batch.Add(item, Batch.NextQuantity);
        Batch.NextScan();
        Feedback = ScanFeedback.Success($"{item.Sku}: moving {Format.Quantity(line.Quantity)}.");
    }

    private void ScanDestination(CatalogLocation location)
    {
        if (location.Id == FromLocationId)
        {
            Feedback = ScanFeedback.Error($"{location.Code} is the source: scan the destination location.");
            return;
        }
        ToLocationId = location.Id;
        To = location;
        Feedback = ScanFeedback.Success(Batch.Lines.Count == 0
            ? $"To {location.Path}. Now scan the items."
            : $"To {location.Path}. Check the lines, then Move.");
    }

    // The source and the destination by id (each post carries only the ids); one that is gone goes back to its step.
    private async Task LoadLocationsAsync(CancellationToken ct)
    {
        (From, var fromError) = await FloorLocation.LoadAsync(catalog, FromLocationId, From, ct);
        (To, var toError) = await FloorLocation.LoadAsync(catalog, ToLocationId, To, ct);
        (FromLocationId, ToLocationId) = (From?.Id, To?.Id);
        if ((fromError ?? toError) is { } error)
            Feedback = ScanFeedback.Error(error);
    }
}
