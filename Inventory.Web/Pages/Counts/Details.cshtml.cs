namespace Inventory.Web.Pages.Counts;

/// <summary>
/// One count: record counted quantities (Clerk and above; a blind count hides the expected side from them), review the
/// variances, post them as count movements or cancel (Manager). Each form carries its own Idempotency-Key: the
/// recording form the page's <see cref="ApiPageModel.IdempotencyKey"/>, posting <see cref="PostKey"/>, cancelling <see cref="CancelKey"/>.
/// </summary>
public sealed class CountDetailsModel(CatalogClient catalog, UserNames users) : ApiPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty] public List<CountEntry> Lines { get; set; } = [];
    [BindProperty, HiddenInput] public string? PostKey { get; set; } = FormKeys.New();
    [BindProperty, HiddenInput] public string? CancelKey { get; set; } = FormKeys.New();

    /// <summary>An item found at the location but not in the count: it joins the count with its own snapshot.</summary>
    [BindProperty] public string? ExtraSku { get; set; }
    [BindProperty] public decimal? ExtraCounted { get; set; }

    public CountDetail? Count { get; private set; }
    public UserNames Users => users;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostRecordAsync(CancellationToken ct)
    {
        // Only rows with a quantity are sent; the map puts each sent line's errors back on the row it came from.
        var rows = Enumerable.Range(0, Lines.Count).Where(i => Lines[i].Counted is not null).ToList();
        var sent = rows.Select(i => new CountedLineWrite(Lines[i].ItemId, Lines[i].Counted!.Value)).ToList();
        var fields = new FieldMap().Rows("lines", rows).Rename("countedQuantity", "counted")
            .Field($"lines[{sent.Count}].itemId", nameof(ExtraSku)).Field($"lines[{sent.Count}].countedQuantity", nameof(ExtraCounted));
        if (ModelState.IsValid && await ExtraLineAsync(ct) is { } extra)
            sent.Add(extra);
        if (!ModelState.IsValid)
            return await LoadAsync(ct, keepInput: true) ?? Page();
        var result = await catalog.RecordCountsAsync(Id, sent, FormKey, ct);
        return await AfterWriteAsync(result, _ => $"{sent.Count} counted quantit{(sent.Count == 1 ? "y" : "ies")} saved.",
            () => LoadAsync(ct, keepInput: true), fields);
    }

    public async Task<IActionResult> OnPostPostAsync(CancellationToken ct) =>
        await AfterWriteAsync(await catalog.PostCountAsync(Id, FormKeys.OrNew(PostKey), ct), count => $"Count of {count.LocationCode} posted.", () => LoadAsync(ct));

    public async Task<IActionResult> OnPostCancelAsync(CancellationToken ct) =>
        await AfterWriteAsync(await catalog.CancelCountAsync(Id, FormKeys.OrNew(CancelKey), ct),
            count => $"Count of {count.LocationCode} cancelled; nothing was booked.", () => LoadAsync(ct));

    private async Task<CountedLineWrite?> ExtraLineAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(ExtraSku))
            return null;
        var item = await catalog.FindItemAsync(ExtraSku, ct);
        if (!item.Succeeded)
            AddProblem(item.Problem);
        else if (item.Value is null)
            ModelState.AddModelError(nameof(ExtraSku), $"No active catalog item has SKU {ExtraSku.Trim()}.");
        else if (ExtraCounted is null)
            ModelState.AddModelError(nameof(ExtraCounted), "Enter the quantity counted.");
        else
            return new CountedLineWrite(item.Value.Id, ExtraCounted.Value);
        return null;
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct, bool keepInput = false)
    {
        var count = await catalog.GetCountAsync(Id, ct);
        if (!count.Succeeded)
            return NotFoundOrShow(count.Problem);
        Count = count.Value;
        if (!keepInput)
            Lines = Count.Lines.Select(l => new CountEntry { ItemId = l.ItemId, Counted = l.CountedQuantity }).ToList();
        await users.LoadAsync(Count.Lines.Select(l => l.CountedBy).Append(Count.OpenedBy).Append(Count.ClosedBy), ct);
        return null;
    }
}
