using Microsoft.AspNetCore.Mvc.Rendering;

namespace Inventory.Web.Pages.PurchaseOrders;

/// <summary>Purchase orders, newest first, filtered by status and supplier, a page at a time (keyset).</summary>
public sealed class OrderListModel(ProcurementClient procurement) : ListPage<PurchaseOrderSummary>
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? SupplierId { get; set; }

    public IEnumerable<SelectListItem> StatusChoices => PurchaseOrderStatuses.All
        .Select(s => new SelectListItem(Words.OrderStatus(s), s, s == Status));

    public string? SupplierName { get; private set; }

    public override IReadOnlyDictionary<string, string?> Filters =>
        new Dictionary<string, string?> { ["status"] = Status, ["supplierId"] = SupplierId?.ToString() };

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!PurchaseOrderStatuses.All.Contains(Status ?? ""))
            Status = null;
        await ShowAsync(procurement.ListOrdersAsync(Status, SupplierId, After, PageSize, ct));
        if (Rows is not null && SupplierId is { } supplierId)
        {
            var supplier = await procurement.GetSupplierAsync(supplierId, ct);
            SupplierName = supplier.Succeeded ? supplier.Value.Name : supplierId.ToString();
        }
    }
}
