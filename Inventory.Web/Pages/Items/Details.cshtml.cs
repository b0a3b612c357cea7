using Inventory.ServiceDefaults.Kit;
using Inventory.ServiceDefaults;
using Inventory.Web.Pages.Shared;
using Inventory.Web.Services;
using Microsoft.AspNetCore.Mvc;

namespace Inventory.Web.Pages.Items;

/// <summary>An item: details, stock per location, recent movements, history; the stock forms and archive by role.</summary>
public sealed class ItemDetailsModel(CatalogClient catalog, UserNames users) : ApiPageModel
{
    public const int HistorySize = 20;

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty] public MovementInput Receive { get; set; } = Fresh();
    [BindProperty] public MovementInput Issue { get; set; } = Fresh();
    [BindProperty] public MovementInput Adjust { get; set; } = Fresh();
    [BindProperty] public MovementInput Transfer { get; set; } = Fresh();

    public CatalogItemDetail? Item { get; private set; }
    public IReadOnlyList<CatalogLocation> Locations { get; private set; } = [];
    public ApiResult<Page<CatalogAuditEntry>>? History { get; private set; }
    public UserNames Users => users;

    public string LocationName(Guid id) => Locations.FirstOrDefault(l => l.Id == id)?.Path
        ?? Item?.Stock.FirstOrDefault(s => s.LocationId == id)?.LocationPath ?? id.ToString();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public Task<IActionResult> OnPostArchiveAsync(CancellationToken ct) => SetArchivedAsync(true, ct);

    public Task<IActionResult> OnPostUnarchiveAsync(CancellationToken ct) => SetArchivedAsync(false, ct);

    public Task<IActionResult> OnPostReceiveAsync(CancellationToken ct) => BookAsync(MovementKind.Receipt, nameof(Receive), Receive, ct);

    public Task<IActionResult> OnPostIssueAsync(CancellationToken ct) => BookAsync(MovementKind.Issue, nameof(Issue), Issue, ct);

    public Task<IActionResult> OnPostAdjustAsync(CancellationToken ct) => BookAsync(MovementKind.Adjustment, nameof(Adjust), Adjust, ct);

    public Task<IActionResult> OnPostTransferAsync(CancellationToken ct) => BookAsync(MovementKind.Transfer, nameof(Transfer), Transfer, ct);

    private async Task<IActionResult> BookAsync(MovementKind kind, string prefix, MovementInput input, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var key = string.IsNullOrWhiteSpace(input.IdempotencyKey) ? Guid.NewGuid().ToString() : input.IdempotencyKey;
            var result = await catalog.BookMovementAsync(kind, input.ToWrite(kind, Id), key, ct);
            if (result.Succeeded)
                return RedirectWithMessage(Booked(kind, result.Value), "/Items/Details", new { id = Id });
            if (result.Problem.IsNotFound)
                return NotFound();
            AddProblem(result.Problem, path => MovementInput.FieldFor(prefix, path));
        }
        return await LoadAsync(ct) ?? Page();
    }

    private static string Booked(MovementKind kind, MovementResult result)
    {
        var quantity = Format.Quantity(Math.Abs(result.Movements[0].Quantity));
        return kind switch
        {
            MovementKind.Receipt => $"Received {quantity}.",
            MovementKind.Issue => $"Issued {quantity}.",
            MovementKind.Adjustment => $"Adjusted by {Format.Quantity(result.Movements[0].Quantity)}.",
            _ => $"Transferred {quantity}.",
        };
    }

    private async Task<IActionResult> SetArchivedAsync(bool archived, CancellationToken ct)
    {
        var result = await catalog.SetItemArchivedAsync(Id, archived, ct);
        if (result.Succeeded)
            return RedirectWithMessage($"Item {result.Value.Sku} {(archived ? "archived" : "restored")}.", "/Items/Details", new { id = Id });
        if (result.Problem.IsNotFound)
            return NotFound();
        AddProblem(result.Problem);
        return await LoadAsync(ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var item = await catalog.GetItemAsync(Id, ct);
        if (!item.Succeeded)
            return NotFoundOrShow(item.Problem);
        Item = item.Value;
        var locations = catalog.ListLocationTreeAsync(false, ct);
        var history = catalog.ListAuditAsync("item", Id, HistorySize, ct);
        Locations = (await locations).Value?.Items ?? [];
        History = await history;
        await users.LoadAsync(Item.RecentMovements.Select(m => m.UserId)
            .Concat(History.Value?.Items.Select(e => e.UserId) ?? []), ct);
        return null;
    }

    private static MovementInput Fresh() => new() { IdempotencyKey = Guid.NewGuid().ToString() };

    /// <summary>Receipts and adjustments need Manager; issues and transfers Clerk (as the catalog enforces).</summary>
    public bool May(MovementKind kind) => kind is MovementKind.Issue or MovementKind.Transfer ? User.CanOperate() : User.CanManage();
}
