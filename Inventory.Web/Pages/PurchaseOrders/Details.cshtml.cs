using Inventory.Web.Pages.Shared;
using Inventory.Web.Services;
using Microsoft.AspNetCore.Mvc;

namespace Inventory.Web.Pages.PurchaseOrders;

/// <summary>A purchase order: lines and totals, status history, receipts with their posting state, and the actions its status allows.</summary>
public sealed class OrderDetailsModel(ProcurementClient procurement, CatalogClient catalog, UserNames users) : ApiPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public PurchaseOrder? Order { get; private set; }
    public ApiResult<List<Receipt>>? Receipts { get; private set; }
    public IReadOnlyDictionary<Guid, string> LocationNames { get; private set; } = new Dictionary<Guid, string>();
    public UserNames Users => users;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public Task<IActionResult> OnPostSubmitAsync(uint version, CancellationToken ct) => ChangeStatusAsync(OrderAction.Submit, version, "submitted", ct);

    public Task<IActionResult> OnPostCancelAsync(uint version, CancellationToken ct) => ChangeStatusAsync(OrderAction.Cancel, version, "cancelled", ct);

    public Task<IActionResult> OnPostCloseAsync(uint version, CancellationToken ct) => ChangeStatusAsync(OrderAction.Close, version, "closed", ct);

    private async Task<IActionResult> ChangeStatusAsync(OrderAction action, uint version, string done, CancellationToken ct)
    {
        var result = await procurement.ChangeOrderStatusAsync(Id, action, version, ct);
        if (result.Succeeded)
            return RedirectWithMessage($"{result.Value.Number} {done}.", "/PurchaseOrders/Details", new { id = Id });
        if (result.Problem.IsNotFound)
            return NotFound();
        // The page reloads with the current state, so the buttons match what the order allows now.
        AddProblem(result.Problem);
        return await LoadAsync(ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var order = await procurement.GetOrderAsync(Id, ct);
        if (!order.Succeeded)
            return NotFoundOrShow(order.Problem);
        Order = order.Value;
        Receipts = await procurement.ListReceiptsAsync(Id, ct);

        var receipts = Receipts.Value ?? [];
        if (receipts.Count > 0)
        {
            var locations = await catalog.ListLocationsAsync(ct);
            if (locations.Succeeded)
                LocationNames = locations.Value.Items.ToDictionary(l => l.Id, l => $"{l.Path} — {l.Name}");
        }
        await users.LoadAsync(
            [Order.CreatedBy, Order.SubmittedBy, .. Order.StatusHistory.Select(c => c.ChangedBy), .. receipts.Select(r => r.ReceivedBy)], ct);
        return null;
    }
}
