namespace Inventory.Web.Pages.Items;

/// <summary>An item: details, stock per location, recent movements, history; the stock forms and archive by role.</summary>
public sealed class ItemDetailsModel(CatalogClient catalog, ProcurementClient procurement, UserNames users)
    : ArchivableDetailsPage<ItemDetail, ItemSummary>(catalog.SetItemArchivedAsync, item => $"Item {item.Sku}")
{
    public const int HistorySize = 20;

    [BindProperty] public MovementInput Receive { get; set; } = new();
    [BindProperty] public MovementInput Issue { get; set; } = new();
    [BindProperty] public MovementInput Adjust { get; set; } = new();
    [BindProperty] public MovementInput Transfer { get; set; } = new();

    public ItemDetail? Item => Entity;
    /// <summary>The locations the stock forms have chosen (a refused form's), looked up by id; their pickers find the rest.</summary>
    public IReadOnlyList<CatalogLocation> Locations { get; private set; } = [];

    /// <summary>Paths of the locations the recent movements name, beyond those holding a stock row of the item.</summary>
    private IReadOnlyList<CatalogLocation> MovedAt { get; set; } = [];
    public AuditHistory? History { get; private set; }
    public UserNames Users => users;

    /// <summary>Suppliers, quantity on order and open orders (<c>_ItemPurchasing</c>); a failed result when procurement is unavailable.</summary>
    public ApiResult<ItemPurchasing>? Purchasing { get; private set; }

    /// <summary>The stock forms the user's role may use: issues and transfers need Clerk, receipts and adjustments Manager (as the catalog enforces).</summary>
    public IEnumerable<MovementForm> MovementForms =>
        new (MovementKind Kind, MovementInput Input, bool May)[]
        {
            (MovementKind.Issue, Issue, User.CanOperate()), (MovementKind.Transfer, Transfer, User.CanOperate()),
            (MovementKind.Receipt, Receive, User.CanManage()), (MovementKind.Adjustment, Adjust, User.CanManage()),
        }.Where(f => f.May && Item is not null).Select(f => new MovementForm(f.Kind, f.Input, Id, Locations, Item!.Stock, Item.Unit));

    public string LocationName(Guid id) => Item?.Stock.FirstOrDefault(s => s.LocationId == id)?.LocationPath
        ?? MovedAt.FirstOrDefault(l => l.Id == id)?.Path ?? id.ToString();

    public Task<IActionResult> OnPostReceiveAsync(CancellationToken ct) => BookAsync(MovementKind.Receipt, nameof(Receive), Receive, ct);

    public Task<IActionResult> OnPostIssueAsync(CancellationToken ct) => BookAsync(MovementKind.Issue, nameof(Issue), Issue, ct);

    public Task<IActionResult> OnPostAdjustAsync(CancellationToken ct) => BookAsync(MovementKind.Adjustment, nameof(Adjust), Adjust, ct);

    public Task<IActionResult> OnPostTransferAsync(CancellationToken ct) => BookAsync(MovementKind.Transfer, nameof(Transfer), Transfer, ct);

    private Task<IReadOnlyList<CatalogLocation>>? _chosenLocations;
    private Task<AuditHistory>? _history;
    private Task<ApiResult<ItemPurchasing>>? _purchasing;

    /// <summary>
    /// What the page shows beside the item needs only its id (and the forms' chosen locations), so it is asked for at the
    /// same time as the item, not after it: one round of calls instead of two (issue 14). A missing item's page waits for
    /// them and discards them.
    /// </summary>
    protected override async Task<ApiResult<ItemDetail>> GetAsync(CancellationToken ct)
    {
        // The stock forms render the locations holding the item (its stock list) and any chosen one, not the first 200:
        // their pickers find the others as the user types (issue 14).
        _chosenLocations = PickerChoices.ChosenAsync(
            [Issue.LocationId, Transfer.LocationId, Transfer.ToLocationId, Receive.LocationId, Adjust.LocationId], catalog.GetLocationAsync, ct);
        _history = AuditHistory.LoadAsync(catalog, "item", Id, HistorySize, users, ct);
        _purchasing = procurement.GetItemPurchasingAsync(Id, ct);
        var item = await catalog.GetItemAsync(Id, ct);
        if (!item.Succeeded)
            await Task.WhenAll(_chosenLocations, _history, _purchasing); // nothing of this request runs on after its answer
        return item;
    }

    protected override async Task LoadMoreAsync(ItemDetail item, CancellationToken ct)
    {
        var (history, purchasing) = (_history!, _purchasing!);
        var held = item.Stock.Select(s => s.LocationId).ToHashSet();
        var movedAt = PickerChoices.ChosenAsync(
            item.RecentMovements.Select(m => m.LocationId).Where(l => !held.Contains(l)).Select(l => (Guid?)l), catalog.GetLocationAsync, ct);
        Locations = await _chosenLocations!;
        MovedAt = await movedAt;
        History = await history;
        Purchasing = await purchasing;
        await users.LoadAsync(item.RecentMovements.Select(m => m.UserId), ct);
    }

    private async Task<IActionResult> BookAsync(MovementKind kind, string prefix, MovementInput input, CancellationToken ct)
    {
        if (!ModelState.IsValid)
            return await LoadAsync(ct) ?? Page();
        var result = await catalog.BookMovementAsync(kind, input.ToWrite(kind, Id), FormKeys.OrNew(input.IdempotencyKey), ct);
        return await AfterWriteAsync(result, booked => Booked(kind, booked), ct, MovementInput.Fields(prefix));
    }

    private static string Booked(MovementKind kind, BookedMovements result)
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
}
