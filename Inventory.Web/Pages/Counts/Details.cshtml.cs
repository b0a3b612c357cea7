using Inventory.Web.Pages.Shared;
using Inventory.Web.Services;
using Microsoft.AspNetCore.Mvc;

namespace Inventory.Web.Pages.Counts;

/// <summary>
/// One count: record counted quantities (Clerk and above; a blind count hides the expected side from them), review the
/// variances, post them as count movements or cancel (Manager). Recording and posting carry the form's Idempotency-Key.
/// </summary>
public sealed class CountDetailsModel(CatalogClient catalog, UserNames users) : ApiPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty] public List<CountEntry> Lines { get; set; } = [];
    [BindProperty] public string? IdempotencyKey { get; set; }
    [BindProperty] public string? PostKey { get; set; }

    /// <summary>An item found at the location but not in the count: it joins the count with its own snapshot.</summary>
    [BindProperty] public string? ExtraSku { get; set; }
    [BindProperty] public decimal? ExtraCounted { get; set; }

    public CountSession? Count { get; private set; }
    public UserNames Users => users;

    /// <summary>A fresh key for each form rendered after a GET; a refused post keeps its key (see MovementInput).</summary>
    public string FormKey => string.IsNullOrWhiteSpace(IdempotencyKey) ? IdempotencyKey = Guid.NewGuid().ToString() : IdempotencyKey;

    /// <summary>The posting form's own key: it must not collide with the recording form's.</summary>
    public string PostFormKey => string.IsNullOrWhiteSpace(PostKey) ? PostKey = Guid.NewGuid().ToString() : PostKey;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostRecordAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var sent = Lines.Select((line, index) => (line, index)).Where(l => l.line.Counted is not null)
                .Select(l => (Line: new CountedLineWrite(l.line.ItemId, l.line.Counted!.Value), Field: $"Lines[{l.index}].Counted")).ToList();
            if (await ExtraLineAsync(ct) is { } extra)
                sent.Add((extra, nameof(ExtraCounted)));
            if (ModelState.IsValid)
            {
                var result = await catalog.RecordCountsAsync(Id, sent.Select(l => l.Line).ToList(), FormKey, ct);
                if (result.Succeeded)
                    return RedirectWithMessage($"{sent.Count} counted quantit{(sent.Count == 1 ? "y" : "ies")} saved.", "/Counts/Details", new { id = Id });
                if (result.Problem.IsNotFound)
                    return NotFound();
                AddProblem(result.Problem, path => ApiProblemModelState.TryParseLine(path, out var i, out _) && i < sent.Count ? sent[i].Field : null);
            }
        }
        return await LoadAsync(ct, keepInput: true) ?? Page();
    }

    private async Task<CountedLineWrite?> ExtraLineAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(ExtraSku))
            return null;
        var item = await catalog.FindItemBySkuAsync(ExtraSku, ct);
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

    public async Task<IActionResult> OnPostPostAsync(CancellationToken ct)
    {
        var result = await catalog.PostCountAsync(Id, PostFormKey, ct);
        if (result.Succeeded)
            return RedirectWithMessage($"Count of {result.Value.LocationCode} posted.", "/Counts/Details", new { id = Id });
        return await Refused(result.Problem, ct);
    }

    public async Task<IActionResult> OnPostCancelAsync(CancellationToken ct)
    {
        var result = await catalog.CancelCountAsync(Id, ct);
        if (result.Succeeded)
            return RedirectWithMessage($"Count of {result.Value.LocationCode} cancelled; nothing was booked.", "/Counts/Details", new { id = Id });
        return await Refused(result.Problem, ct);
    }

    private async Task<IActionResult> Refused(ApiProblem problem, CancellationToken ct)
    {
        if (problem.IsNotFound)
            return NotFound();
        AddProblem(problem);
        return await LoadAsync(ct) ?? Page();
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

public sealed class CountEntry
{
    public Guid ItemId { get; set; }
    public decimal? Counted { get; set; }
}
