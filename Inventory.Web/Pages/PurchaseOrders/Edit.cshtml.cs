using Microsoft.AspNetCore.Authorization;

namespace Inventory.Web.Pages.PurchaseOrders;

/// <summary>Changes a draft's expected date, notes and lines (the supplier stays); saved against the version read.</summary>
[Authorize(Roles = UserRoles.Managers)]
public sealed class OrderEditModel(ProcurementClient procurement, CatalogClient catalog) : OrderFormPage<OrderInput>(procurement, catalog)
{
    private const int BlankRows = 3;

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public PurchaseOrderDetail? Order { get; private set; }

    public override string? Currency => Order?.Currency;

    protected override Guid? OrderId => Id;

    protected override bool CanSave => Order is not null;

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

    protected override PurchaseOrderWrite ToWrite(IReadOnlyList<OrderLineWrite> lines) =>
        new(null, Input.ExpectedDate, Input.Notes, lines, Input.Version);

    protected override async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var order = await Procurement.GetOrderAsync(Id, ct);
        if (!order.Succeeded)
            return NotFoundOrShow(order.Problem);
        if (!order.Value.CanEdit)
            return RedirectWithMessage(order.Value.Refusal("only drafts can be edited"), "/PurchaseOrders/Details", new { id = Id });
        Order = order.Value;
        var items = await Procurement.ListSupplierItemsAsync(Order.SupplierId, ct);
        SupplierItems = items.Succeeded ? items.Value : null;
        return null;
    }
}
