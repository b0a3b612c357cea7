namespace Inventory.Web.Pages.Suppliers;

/// <summary>A supplier: details, the items it sells, its recent purchase orders and its change history.</summary>
public sealed class SupplierDetailsModel(ProcurementClient procurement, UserNames users) : ApiPageModel
{
    public const int RecentOrders = 10;
    public const int HistorySize = 20;

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public SupplierDetail? Supplier { get; private set; }
    public ApiResult<List<SupplierItemDetail>>? Items { get; private set; }
    public ApiResult<Page<PurchaseOrderSummary>>? Orders { get; private set; }
    public AuditHistory? History { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public Task<IActionResult> OnPostArchiveAsync(CancellationToken ct) => SetArchivedAsync(true, ct);

    public Task<IActionResult> OnPostUnarchiveAsync(CancellationToken ct) => SetArchivedAsync(false, ct);

    public async Task<IActionResult> OnPostRemoveItemAsync(Guid supplierItemId, string? sku, CancellationToken ct)
    {
        var result = await procurement.DeleteSupplierItemAsync(supplierItemId, FormKey, ct);
        // Already gone is what was asked for.
        if (result.Succeeded || result.Problem.IsNotFound)
            return RedirectWithMessage($"{sku ?? "The item"} removed from this supplier.", null);
        AddProblem(result.Problem);
        return await LoadAsync(ct) ?? Page();
    }

    private async Task<IActionResult> SetArchivedAsync(bool archived, CancellationToken ct) =>
        await AfterWriteAsync(await procurement.SetSupplierArchivedAsync(Id, archived, FormKey, ct),
            supplier => $"Supplier {supplier.Name} {(archived ? "archived" : "restored")}.", () => LoadAsync(ct));

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var supplier = await procurement.GetSupplierAsync(Id, ct);
        if (!supplier.Succeeded)
            return NotFoundOrShow(supplier.Problem);
        Supplier = supplier.Value;

        var items = procurement.ListSupplierItemsAsync(Id, ct);
        var orders = procurement.ListOrdersAsync(null, Id, null, RecentOrders, ct);
        var history = AuditHistory.LoadAsync(procurement, "supplier", Id, HistorySize, users, ct);
        (Items, Orders, History) = (await items, await orders, await history);
        return null;
    }
}
