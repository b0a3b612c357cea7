namespace Inventory.Web.Pages.Suppliers;

/// <summary>A supplier: details, the items it sells, its recent purchase orders and its change history.</summary>
public sealed class SupplierDetailsModel(ProcurementClient procurement, UserNames users)
    : ArchivableDetailsPage<SupplierDetail, SupplierDetail>(procurement.SetSupplierArchivedAsync, supplier => $"Supplier {supplier.Name}")
{
    public const int RecentOrders = 10;
    public const int HistorySize = 20;

    public SupplierDetail? Supplier => Entity;
    public ApiResult<List<SupplierItemDetail>>? Items { get; private set; }
    public ApiResult<Page<PurchaseOrderSummary>>? Orders { get; private set; }
    public AuditHistory? History { get; private set; }

    public async Task<IActionResult> OnPostRemoveItemAsync(Guid supplierItemId, string? sku, CancellationToken ct)
    {
        var result = await procurement.DeleteSupplierItemAsync(supplierItemId, FormKey, ct);
        // Already gone is what was asked for.
        if (result.Succeeded || result.Problem.IsNotFound)
            return RedirectWithMessage($"{sku ?? "The item"} removed from this supplier.", null);
        AddProblem(result.Problem);
        return await LoadAsync(ct) ?? Page();
    }

    protected override Task<ApiResult<SupplierDetail>> GetAsync(CancellationToken ct) => procurement.GetSupplierAsync(Id, ct);

    protected override async Task LoadMoreAsync(SupplierDetail supplier, CancellationToken ct)
    {
        var items = procurement.ListSupplierItemsAsync(Id, ct);
        var orders = procurement.ListOrdersAsync(null, Id, null, RecentOrders, ct);
        var history = AuditHistory.LoadAsync(procurement, "supplier", Id, HistorySize, users, ct);
        (Items, Orders, History) = (await items, await orders, await history);
    }
}
