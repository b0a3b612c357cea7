using Inventory.Web.Scanning;
using Microsoft.AspNetCore.Authorization;

namespace Inventory.Web.Pages.Floor;

/// <summary>
/// Pick / issue (Clerk and above): scan the location → scan items, each adding one (or the typed quantity), every
/// line saying what the location holds of it → an optional reference (an order number; the catalog's issue rules:
/// optional, at most 100 characters) → "Issue": one issue per line, each with its own Idempotency-Key derived from the
/// batch's (<see cref="FloorBookings"/>). Lines the catalog refuses stay on the page with its reason, which names
/// what is available at the location; the others are booked.
/// </summary>
[Authorize(Roles = UserRoles.Operators)]
public sealed class FloorPickModel(CodeResolver resolver, CatalogClient catalog) : FloorPage(resolver)
{
    [BindProperty(SupportsGet = true)] public Guid? LocationId { get; set; }

    /// <summary>What the issue is for (an order number …), on every movement of the batch.</summary>
    [BindProperty] public string? Reference { get; set; }

    public CatalogLocation? Location { get; private set; }

    /// <summary>The lines the last "Issue" booked (shown while some others were refused).</summary>
    public IReadOnlyList<FloorBooked> Booked { get; private set; } = [];

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(ct);

    public async Task<IActionResult> OnPostScanAsync(CancellationToken ct)
    {
        if (await ScanAsync(ct) is not { } scanned)
            return await ShowAsync(ct);
        if (LocationId is null)
            ScanLocation(scanned);
        else if (ItemOf(scanned) is { } item)
        {
            var line = Batch.Add(item, Batch.NextQuantity);
            Batch.NextScan();
            Feedback = ScanFeedback.Success($"{item.Sku}: picking {Format.Quantity(line.Quantity)}.");
        }
        return await ShowAsync(ct);
    }

    /// <summary>"Change" beside the location: back to its step; the lines stay.</summary>
    public Task<IActionResult> OnPostChangeLocationAsync(CancellationToken ct)
    {
        LocationId = null;
        return ShowAsync(ct);
    }

    /// <summary>"Issue": one issue per line from the location, each with the reference.</summary>
    public async Task<IActionResult> OnPostPostAsync(CancellationToken ct)
    {
        if (LocationId is null)
        {
            Feedback = ScanFeedback.Error("Scan the location first.");
            return await ShowAsync(ct);
        }
        if (FloorBookings.WhyNotReady(Batch, "issue") is { } refusal)
        {
            Feedback = ScanFeedback.Error(refusal);
            return await ShowAsync(ct);
        }
        var answers = await FloorBookings.BookEachAsync(Batch, (line, key) => catalog.BookMovementAsync(MovementKind.Issue,
            new MovementWrite(line.ItemId, LocationId, null, null, line.Quantity, null, Reference, null), key, ct));
        await LoadLocationAsync(ct);
        Booked = answers.Where(a => a.Ok).ToList();
        var done = $"Issued from {Location?.Code}: {FloorBookings.List(Booked)}.";
        if (FloorBookings.Refused(Batch, answers, "issued", done) is not { } refused)
            return RedirectWithMessage(done, null, new { locationId = LocationId });
        // A bad reference is refused on every line alike: said next to its field too.
        if (answers.FirstOrDefault(a => a.Problem?.Errors.ContainsKey("reference") == true) is { } badReference)
            AddProblem(badReference.Problem!, new FieldMap());
        Feedback = refused;
        return await ShowAsync(ct);
    }

    protected override async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        await LoadLocationAsync(ct);
        if (Location is not null && Batch.Lines.Count > 0)
            await FloorHoldings.DescribeAsync(catalog, Location, Batch.Lines, ct);
        return Page();
    }

    private void ScanLocation(CodeResolution scanned)
    {
        if (LocationOf(scanned) is not { } location)
            return;
        LocationId = location.Id;
        Location = location;
        Feedback = ScanFeedback.Success($"Picking from {location.Path}. Now scan the items.");
    }

    private async Task LoadLocationAsync(CancellationToken ct)
    {
        (Location, var error) = await FloorLocation.LoadAsync(catalog, LocationId, Location, ct);
        LocationId = Location?.Id;
        if (error is not null)
            Feedback = ScanFeedback.Error(error);
    }
}
