using Inventory.Web.Pages.Shared;
using Inventory.Web.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Inventory.Web.Pages.PurchaseOrders;

/// <summary>Changes a draft's expected date, notes and lines (the supplier stays); saved against the version read.</summary>
[Authorize(Roles = UserRoles.Managers)]
public sealed class OrderEditModel(ProcurementClient procurement, CatalogClient catalog) : ApiPageModel, IOrderForm
{
    private const int BlankRows = 3;

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public OrderInput Input { get; set; } = new();

    public PurchaseOrder? Order { get; private set; }
    public IReadOnlyList<SupplierItem>? SupplierItems { get; private set; }
    public string? Currency => Order?.Currency;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } stop)
            return stop;
        if (Order is not null)
        {
            Input = OrderInput.From(Order);
            Input.AddBlankRows(BlankRows);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } stop)
            return stop;
        if (Order is null)
            return Page();
        var (lines, rows, problem) = ModelState.IsValid ? await new OrderLines(catalog).ResolveAsync(Input, ModelState, ct) : ([], [], null);
        if (problem is not null)
            AddProblem(problem);
        if (!ModelState.IsValid)
            return Page();

        var result = await procurement.UpdateOrderAsync(Id, new PurchaseOrderWrite(null, Input.ExpectedDate, Input.Notes, lines, Input.Version), ct);
        if (!result.Succeeded)
        {
            if (result.Problem.IsNotFound)
                return NotFound();
            AddProblem(result.Problem, OrderLines.FieldFor(rows, supplierOnForm: false));
            return Page();
        }
        return RedirectWithMessage($"Draft {result.Value.Number} saved.", "/PurchaseOrders/Details", new { id = Id });
    }

    public async Task<IActionResult> OnPostAddLinesAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } stop)
            return stop;
        ModelState.Clear();
        Input.AddBlankRows(OrderInput.RowsToAdd);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var order = await procurement.GetOrderAsync(Id, ct);
        if (!order.Succeeded)
            return NotFoundOrShow(order.Problem);
        if (!order.Value.CanEdit)
            return RedirectWithMessage($"{order.Value.Number} is {PurchaseOrderStatuses.Display(order.Value.Status).ToLowerInvariant()}: only drafts can be edited.",
                "/PurchaseOrders/Details", new { id = Id });
        Order = order.Value;
        var items = await procurement.ListSupplierItemsAsync(Order.SupplierId, ct);
        SupplierItems = items.Succeeded ? items.Value : null;
        return null;
    }
}
