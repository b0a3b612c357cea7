using Microsoft.AspNetCore.Mvc.Rendering;

namespace Inventory.Web.Pages.PurchaseOrders;

/// <summary>
/// A purchase order: lines and totals, status history, receipts with their posting state, its change history, and the
/// actions its status allows. A received line the catalog rejected is shown with the reason and the two ways to resolve
/// it (retry once the cause is fixed, or move it into another location), whatever the order's status: the goods came.
/// </summary>
public sealed class OrderDetailsModel(ProcurementClient procurement, CatalogClient catalog, UserNames users) : DetailsPage<PurchaseOrderDetail>
{
    public const int HistorySize = 20;

    public PurchaseOrderDetail? Order => Entity;
    public ApiResult<List<GoodsReceipt>>? Receipts { get; private set; }
    public IReadOnlyDictionary<Guid, string> LocationNames { get; private set; } = new Dictionary<Guid, string>();

    /// <summary>
    /// What the move-and-post picker renders: nothing (it finds active locations as the user types); null when the catalog
    /// does not answer (the form then asks for an id).
    /// </summary>
    public List<SelectListItem>? LocationChoices { get; private set; }

    public int RejectedLines => Receipts?.Value?.Sum(r => r.Lines.Count(l => l.IsRejected)) ?? 0;
    public AuditHistory? History { get; private set; }
    public UserNames Users => users;

    public Task<IActionResult> OnPostSubmitAsync(int version, CancellationToken ct) => ChangeStatusAsync(OrderAction.Submit, version, "submitted", ct);

    public Task<IActionResult> OnPostCancelAsync(int version, CancellationToken ct) => ChangeStatusAsync(OrderAction.Cancel, version, "cancelled", ct);

    public Task<IActionResult> OnPostCloseAsync(int version, CancellationToken ct) => ChangeStatusAsync(OrderAction.Close, version, "closed", ct);

    public async Task<IActionResult> OnPostRetryLineAsync(Guid lineId, CancellationToken ct) =>
        await AfterWriteAsync(await procurement.RetryReceiptLineAsync(lineId, FormKey, ct), _ => LineResolved, ct);

    public async Task<IActionResult> OnPostMoveLineAsync(Guid lineId, Guid? locationId, CancellationToken ct) =>
        await AfterWriteAsync(await procurement.MoveReceiptLineAsync(lineId, locationId, FormKey, ct), _ => LineResolved, ct);

    private const string LineResolved = "The receipt line is posted to stock again: Pending until the catalog books it.";

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
            // Only the locations the receipts name, by id (archived ones too: a rejected line's location often is).
            var ids = receipts.SelectMany(r => r.Lines.Select(l => l.LocationId).Prepend(r.LocationId)).Distinct();
            var found = await Task.WhenAll(ids.Select(id => catalog.GetLocationAsync(id, ct)));
            LocationNames = found.Where(r => r.Succeeded).Select(r => r.Value!)
                .ToDictionary(l => l.Id, l => $"{l.Path} — {l.Name}{(l.IsArchived ? " (archived)" : "")}");
            LocationChoices = found.Any(r => !r.Succeeded && !r.Problem.IsNotFound) ? null : [];
        }
        History = await AuditHistory.LoadAsync(procurement, "purchase-order", Id, HistorySize, users, ct);
        await users.LoadAsync(
            [order.CreatedBy, order.SubmittedBy, .. order.StatusHistory.Select(c => c.ChangedBy), .. receipts.Select(r => r.ReceivedBy)], ct);
    }
}
