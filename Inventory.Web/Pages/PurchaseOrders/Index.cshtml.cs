using Inventory.ServiceDefaults.Kit;
using Inventory.ServiceDefaults;
using Inventory.Web.Pages.Shared;
using Inventory.Web.Services;
using Microsoft.AspNetCore.Mvc;

namespace Inventory.Web.Pages.PurchaseOrders;

/// <summary>Purchase orders, newest first, filtered by status and supplier, a page at a time (keyset).</summary>
public sealed class OrderListModel(ProcurementClient procurement) : ApiPageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? SupplierId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    public IEnumerable<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> StatusChoices => PurchaseOrderStatuses.All
        .Select(s => new Microsoft.AspNetCore.Mvc.Rendering.SelectListItem(PurchaseOrderStatuses.Display(s), s, s == Status));

    public Page<PurchaseOrderSummary>? Orders { get; private set; }
    public string? SupplierName { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!PurchaseOrderStatuses.All.Contains(Status ?? ""))
            Status = null;
        var orders = await procurement.ListOrdersAsync(Status, SupplierId, After, PageSize, ct);
        if (!orders.Succeeded)
        {
            NotFoundOrShow(orders.Problem);
            return;
        }
        Orders = orders.Value;
        if (SupplierId is { } supplierId)
        {
            var supplier = await procurement.GetSupplierAsync(supplierId, ct);
            SupplierName = supplier.Succeeded ? supplier.Value.Name : supplierId.ToString();
        }
    }
}
