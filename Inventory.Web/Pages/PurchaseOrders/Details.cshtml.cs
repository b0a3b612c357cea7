namespace Inventory.Web.Pages.PurchaseOrders;

/// <summary>A purchase order: lines and totals, status history, receipts with their posting state, its change history, and the actions its status allows.</summary>
public sealed class OrderDetailsModel(ProcurementClient procurement, CatalogClient catalog, UserNames users) : DetailsPage<PurchaseOrderDetail>
{
    public const int HistorySize = 20;

    public PurchaseOrderDetail? Order => Entity;
    public ApiResult<List<GoodsReceipt>>? Receipts { get; private set; }
    public IReadOnlyDictionary<Guid, string> LocationNames { get; private set; } = new Dictionary<Guid, string>();
    public AuditHistory? History { get; private set; }
    public UserNames Users => users;

    public Task<IActionResult> OnPostSubmitAsync(int version, CancellationToken ct) => ChangeStatusAsync(OrderAction.Submit, version, "submitted", ct);

    public Task<IActionResult> OnPostCancelAsync(int version, CancellationToken ct) => ChangeStatusAsync(OrderAction.Cancel, version, "cancelled", ct);

    public Task<IActionResult> OnPostCloseAsync(int version, CancellationToken ct) => ChangeStatusAsync(OrderAction.Close, version, "closed", ct);

    // A refusal reloads the page with the current state, so the buttons match what the order allows now.
    private async Task<IActionResult> ChangeStatusAsync(OrderAction action, int version, string done, CancellationToken ct) =>
        await AfterWriteAsync(await procurement.ChangeOrderStatusAsync(Id, action, version, FormKey, ct), order => $"{order.Number} {done}.", ct);

    protected override Task<ApiResult<PurchaseOrderDetail>> GetAsync(CancellationToken ct) => procurement.GetOrderAsync(Id, ct);

    protected override async Task LoadMoreAsync(PurchaseOrderDetail order, CancellationToken ct)
    {
        Receipts = await procurement.ListReceiptsAsync(Id, ct);
        var receipts = Receipts.Value ?? [];
        if (receipts.Count > 0)
        {
            var locations = await catalog.ListLocationsAsync(false, ct);
            if (locations.Succeeded)
                LocationNames = locations.Value.Items.ToDictionary(l => l.Id, l => $"{l.Path} — {l.Name}");
        }
        History = await AuditHistory.LoadAsync(procurement, "purchase-order", Id, HistorySize, users, ct);
        await users.LoadAsync(
            [order.CreatedBy, order.SubmittedBy, .. order.StatusHistory.Select(c => c.ChangedBy), .. receipts.Select(r => r.ReceivedBy)], ct);
    }
}
