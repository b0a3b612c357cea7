namespace Inventory.Web.Pages.Suppliers;

public sealed class SupplierListModel(ProcurementClient procurement) : SearchListPage<SupplierSummary>
{
    public const int PageSize = 50;

    public Task OnGetAsync(CancellationToken ct) => ShowAsync(procurement.FindSuppliersAsync(Search, After, PageSize, Archived, ct));
}
