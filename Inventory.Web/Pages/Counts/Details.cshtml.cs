namespace Inventory.Web.Pages.Counts;

/// <summary>
/// One count: record counted quantities (Clerk and above; a blind count hides the expected side from them), review the
/// variances, post them as count movements or cancel (Manager). Each form carries its own Idempotency-Key: the
/// recording form the page's <see cref="ApiPageModel.IdempotencyKey"/>, posting <see cref="PostKey"/>, cancelling <see cref="CancelKey"/>.
/// </summary>
public sealed class CountDetailsModel(CatalogClient catalog, UserNames users) : DetailsPage<CountDetail>
{
    [BindProperty] public List<CountEntry> Lines { get; set; } = [];
    [BindProperty, HiddenInput] public string? PostKey { get; set; } = FormKeys.New();
    [BindProperty, HiddenInput] public string? CancelKey { get; set; } = FormKeys.New();

    /// <summary>An item found at the location but not in the count: it joins the count with its own snapshot.</summary>
    [BindProperty] public string? ExtraSku { get; set; }
    [BindProperty] public decimal? ExtraCounted { get; set; }

    public CountDetail? Count => Entity;
    public UserNames Users => users;

    private bool _keepInput;

    public async Task<IActionResult> OnPostRecordAsync(CancellationToken ct)
    {
        // Only rows with a quantity are sent; the map puts each sent line's errors back on the row it came from.
        var rows = Enumerable.Range(0, Lines.Count).Where(i => Lines[i].Counted is not null).ToList();
        var sent = rows.Select(i => new CountedLineWrite(Lines[i].ItemId, Lines[i].Counted!.Value)).ToList();
        var fields = new FieldMap().Rows("lines", rows).Rename("countedQuantity", "counted")
            .Field($"lines[{sent.Count}].itemId", nameof(ExtraSku)).Field($"lines[{sent.Count}].countedQuantity", nameof(ExtraCounted));
        if (ModelState.IsValid && await ExtraLineAsync(ct) is { } extra)
            sent.Add(extra);
        // A refused form is shown again as it was posted, not as the count now stands.
        _keepInput = true;
        if (!ModelState.IsValid)
            return await LoadAsync(ct) ?? Page();
        var result = await catalog.RecordCountsAsync(Id, sent, FormKey, ct);
        return await AfterWriteAsync(result, _ => $"{sent.Count} counted quantit{(sent.Count == 1 ? "y" : "ies")} saved.", ct, fields);
    }

    public async Task<IActionResult> OnPostPostAsync(CancellationToken ct) =>
        await AfterWriteAsync(await catalog.PostCountAsync(Id, FormKeys.OrNew(PostKey), ct), count => $"Count of {count.LocationCode} posted.", ct);

    public async Task<IActionResult> OnPostCancelAsync(CancellationToken ct) =>
        await AfterWriteAsync(await catalog.CancelCountAsync(Id, FormKeys.OrNew(CancelKey), ct),
            count => $"Count of {count.LocationCode} cancelled; nothing was booked.", ct);

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

    protected override Task<ApiResult<CountDetail>> GetAsync(CancellationToken ct) => catalog.GetCountAsync(Id, ct);

    protected override async Task LoadMoreAsync(CountDetail count, CancellationToken ct)
    {
        if (!_keepInput)
            Lines = count.Lines.Select(l => new CountEntry { ItemId = l.ItemId, Counted = l.CountedQuantity }).ToList();
        await users.LoadAsync(count.Lines.Select(l => l.CountedBy).Append(count.OpenedBy).Append(count.ClosedBy), ct);
    }
}
