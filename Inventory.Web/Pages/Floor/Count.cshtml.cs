using Inventory.Web.Scanning;
using Microsoft.AspNetCore.Authorization;

namespace Inventory.Web.Pages.Floor;

/// <summary>
/// Count on the floor (Clerk and above; posting stays Manager): scan the location → continue its open count, or open
/// one (blind or not) → scan an item to jump to its line (an item the count does not list joins it when saved, as on
/// the desktop count page) → type the quantity counted on the number pad → Save. A blind count stays blind here for
/// every role while it is open: no expected quantity, no variance. A Manager posts the count from this page; the
/// variances show once it is posted.
/// </summary>
[Authorize(Roles = UserRoles.Operators)]
public sealed class FloorCountModel(CodeResolver resolver, CatalogClient catalog) : FloorPage(resolver)
{
    [BindProperty(SupportsGet = true)] public Guid? CountId { get; set; }

    /// <summary>The item being counted: its line, or an item the count does not list yet.</summary>
    [BindProperty(SupportsGet = true)] public Guid? ItemId { get; set; }

    /// <summary>The location scanned that has no open count: the page offers to open one.</summary>
    [BindProperty] public Guid? LocationId { get; set; }

    [BindProperty] public bool Blind { get; set; }

    [BindProperty] public decimal? Counted { get; set; }

    [BindProperty, HiddenInput] public string? PostKey { get; set; } = FormKeys.New();

    public CountDetail? Count { get; private set; }

    public CatalogLocation? Location { get; private set; }

    public CountTarget? Target { get; private set; }

    /// <summary>Expected quantities and variances are shown: never while a blind count is open.</summary>
    public bool ShowsExpected => Count is { } count && (!count.IsOpen || !count.Blind) && !count.ExpectedHidden;

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(ct);

    public async Task<IActionResult> OnPostScanAsync(CancellationToken ct)
    {
        if (await ScanAsync(ct) is not { } scanned)
            return await ShowAsync(ct);
        if (CountId is null)
            await ScanLocationAsync(scanned, ct);
        else if (ItemOf(scanned) is { } item)
        {
            ItemId = item.Id;
            Counted = null;
        }
        return await ShowAsync(ct);
    }

    /// <summary>"Open a count" of the location scanned (one another person opened meanwhile is continued instead).</summary>
    public async Task<IActionResult> OnPostOpenAsync(CancellationToken ct)
    {
        if (LocationId is null)
        {
            Feedback = ScanFeedback.Error("Scan the location to count first.");
            return await ShowAsync(ct);
        }
        var opened = await catalog.OpenCountAsync(new OpenCountWrite(LocationId, Blind, null), FormKey, ct);
        if (opened.Succeeded)
            return RedirectWithMessage($"Count of {opened.Value.LocationCode} opened with {Lines(opened.Value.Lines.Count)}. Scan an item.",
                null, new { countId = opened.Value.Id });
        if (opened.Problem.IsConflict && (await catalog.FindOpenCountAsync(LocationId.Value, ct)).Value is { } open)
            return RedirectWithMessage($"A count of {open.LocationCode} was already open: continue it.", null, new { countId = open.Id });
        Feedback = ScanFeedback.Error(opened.Problem.Title);
        AddProblem(opened.Problem, new FieldMap());
        return await ShowAsync(ct);
    }

    /// <summary>"Save": the quantity counted of the item being counted.</summary>
    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (CountId is null || ItemId is null)
            return await ShowAsync(ct);
        if (Counted is null)
            ModelState.AddModelError(nameof(Counted), "Enter the quantity counted.");
        if (!ModelState.IsValid)
            return await ShowAsync(ct);
        var saved = await catalog.RecordCountsAsync(CountId.Value, [new CountedLineWrite(ItemId.Value, Counted!.Value)], FormKey, ct);
        if (saved.Succeeded && saved.Value.Lines.FirstOrDefault(l => l.ItemId == ItemId) is { } line)
            return RedirectWithMessage($"{line.Sku}: counted {Format.Quantity(Counted.Value)} {line.Unit}. Scan the next item.", null, new { countId = CountId });
        if (saved.Problem is { } problem)
        {
            AddProblem(problem, new FieldMap().Field("lines[0].countedQuantity", nameof(Counted)).Field("lines[0].itemId", nameof(Counted)));
            Feedback = ScanFeedback.Error($"Not saved: {problem.Title}");
        }
        return await ShowAsync(ct);
    }

    /// <summary>"Post count" (Manager and above): books the variances of the counted lines.</summary>
    public async Task<IActionResult> OnPostPostAsync(CancellationToken ct)
    {
        if (!User.CanManage())
            return Forbid();
        if (CountId is null)
            return await ShowAsync(ct);
        var posted = await catalog.PostCountAsync(CountId.Value, FormKeys.OrNew(PostKey), ct);
        if (posted.Succeeded)
            return RedirectWithMessage($"Count of {posted.Value.LocationCode} posted.", null, new { countId = CountId });
        AddProblem(posted.Problem);
        Feedback = ScanFeedback.Error($"Not posted: {posted.Problem.Title}");
        return await ShowAsync(ct);
    }

    protected override async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        if (CountId is not null)
            await LoadCountAsync(ct);
        if (CountId is null && LocationId is not null)
        {
            (Location, var error) = await FloorLocation.LoadAsync(catalog, LocationId, Location, ct);
            LocationId = Location?.Id;
            if (error is not null)
                Feedback = ScanFeedback.Error(error);
        }
        if (Count is { IsOpen: true } && ItemId is not null)
            await LoadTargetAsync(ct);
        return Page();
    }

    private async Task ScanLocationAsync(CodeResolution scanned, CancellationToken ct)
    {
        if (LocationOf(scanned) is not { } location)
            return;
        var open = await catalog.FindOpenCountAsync(location.Id, ct);
        if (!open.Succeeded)
            Feedback = ScanFeedback.Error(open.Problem.Title);
        else if (open.Value is { } count)
        {
            CountId = count.Id;
            Feedback = ScanFeedback.Success($"Continuing the count of {location.Code} ({count.Counted} of {Lines(count.Lines)} counted). Scan an item.");
        }
        else
        {
            (LocationId, Location) = (location.Id, location);
            Feedback = ScanFeedback.Success($"No count of {location.Code} is open: open one.");
        }
    }

    private async Task LoadCountAsync(CancellationToken ct)
    {
        var count = await catalog.GetCountAsync(CountId!.Value, ct);
        if (count.Succeeded)
        {
            Count = count.Value;
            return;
        }
        Feedback = ScanFeedback.Error(count.Problem.IsNotFound ? "That count is gone: scan the location again." : count.Problem.Title);
        CountId = null;
    }

    // The line of the item (its snapshot, what was counted), or the item itself when the count does not list it yet.
    private async Task LoadTargetAsync(CancellationToken ct)
    {
        if (Count!.Lines.FirstOrDefault(l => l.ItemId == ItemId) is { } line)
        {
            Target = new(line.ItemId, line.Sku, line.Name, line.Unit, line);
            Counted ??= line.CountedQuantity;
            if (Feedback.IsNone || Feedback.Ok)
                Feedback = ScanFeedback.Success($"{line.Sku}: enter the quantity counted.");
            return;
        }
        var item = await catalog.GetItemAsync(ItemId!.Value, ct);
        if (!item.Succeeded)
        {
            Feedback = ScanFeedback.Error(item.Problem.IsNotFound ? "That item is gone: scan another." : item.Problem.Title);
            ItemId = null;
            return;
        }
        Target = new(item.Value.Id, item.Value.Sku, item.Value.Name, item.Value.Unit, null);
        if (Feedback.IsNone || Feedback.Ok)
            Feedback = ScanFeedback.Success($"{item.Value.Sku} is not in this count: it joins the count when you save.");
    }

    private static string Lines(int count) => count == 1 ? "1 line" : $"{count} lines";
}

/// <summary>The item being counted on the floor: its count line, or none when the count does not list it yet.</summary>
public sealed record CountTarget(Guid ItemId, string Sku, string Name, string Unit, CountDetailLine? Line);
