using Inventory.ServiceDefaults.Kit;
using Inventory.ServiceDefaults;
using Inventory.Web.Pages.Shared;
using Inventory.Web.Services;
using Microsoft.AspNetCore.Mvc;

namespace Inventory.Web.Pages.Suppliers;

/// <summary>A supplier: details, the items it sells, its recent purchase orders and its change history.</summary>
public sealed class SupplierDetailsModel(ProcurementClient procurement, UserNames users) : ApiPageModel
{
    public const int RecentOrders = 10;

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public SupplierDetail? Supplier { get; private set; }
    public ApiResult<List<SupplierItem>>? Items { get; private set; }
    public ApiResult<Page<PurchaseOrderSummary>>? Orders { get; private set; }
    public ApiResult<List<Inventory.Web.Services.AuditEntry>>? History { get; private set; }
    public UserNames Users => users;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public Task<IActionResult> OnPostArchiveAsync(CancellationToken ct) => SetArchivedAsync(true, ct);

    public Task<IActionResult> OnPostUnarchiveAsync(CancellationToken ct) => SetArchivedAsync(false, ct);

    public async Task<IActionResult> OnPostRemoveItemAsync(Guid supplierItemId, string? sku, CancellationToken ct)
    {
        var result = await procurement.DeleteSupplierItemAsync(supplierItemId, ct);
        if (result.Succeeded || result.Problem.IsNotFound)
            return RedirectWithMessage($"{sku ?? "The item"} removed from this supplier.", "/Suppliers/Details", new { id = Id });
        AddProblem(result.Problem);
        return await LoadAsync(ct) ?? Page();
    }

    private async Task<IActionResult> SetArchivedAsync(bool archived, CancellationToken ct)
    {
        var result = await procurement.SetSupplierArchivedAsync(Id, archived, ct);
        if (result.Succeeded)
            return RedirectWithMessage($"Supplier {result.Value.Name} {(archived ? "archived" : "restored")}.", "/Suppliers/Details", new { id = Id });
        if (result.Problem.IsNotFound)
            return NotFound();
        AddProblem(result.Problem);
        return await LoadAsync(ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var supplier = await procurement.GetSupplierAsync(Id, ct);
        if (!supplier.Succeeded)
            return NotFoundOrShow(supplier.Problem);
        Supplier = supplier.Value;

        var items = procurement.ListSupplierItemsAsync(Id, ct);
        var orders = procurement.ListOrdersAsync(null, Id, null, RecentOrders, ct);
        var history = procurement.ListAuditAsync("supplier", Id, ct);
        (Items, Orders, History) = (await items, await orders, await history);
        if (History.Succeeded)
            await users.LoadAsync(History.Value.Select(e => e.ChangedBy), ct);
        return null;
    }
}
