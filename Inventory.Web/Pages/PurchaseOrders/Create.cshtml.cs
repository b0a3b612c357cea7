using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Inventory.Web.Pages.PurchaseOrders;

/// <summary>A new draft: supplier, expected date, notes and lines (items by SKU).</summary>
[Authorize(Roles = UserRoles.Managers)]
public sealed class OrderCreateModel(ProcurementClient procurement, CatalogClient catalog) : OrderFormPage<NewOrderInput>(procurement, catalog)
{
    /// <summary>The chosen supplier, if any: the form's picker finds the others as the user types.</summary>
    public List<SelectListItem> SupplierChoices { get; } = [];

    private string? _currency;

    public override string? Currency => _currency;

    protected override Guid? OrderId => null;

    public async Task OnGetAsync(Guid? supplierId, CancellationToken ct)
    {
        Input.SupplierId = supplierId;
        Input.AddBlankRows(OrderInput.RowsToAdd);
        await LoadAsync(ct);
    }

    /// <summary>Shows the chosen supplier's items and prices (the form without script).</summary>
    public async Task<IActionResult> OnPostRefreshAsync(CancellationToken ct)
    {
        ModelState.Clear();
        return await LoadAsync(ct) ?? Page();
    }

    protected override void Check()
    {
        if (Input.SupplierId is null)
            ModelState.AddModelError("Input.SupplierId", "Choose a supplier.");
    }

    protected override PurchaseOrderWrite ToWrite(IReadOnlyList<OrderLineWrite> lines) =>
        new(Input.SupplierId, Input.ExpectedDate, Input.Notes, lines, null);

    protected override async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (Input.SupplierId is not { } supplierId)
            return null;
        var supplier = await Procurement.GetSupplierAsync(supplierId, ct);
        if (!supplier.Succeeded)
        {
            // Gone: the form asks for another; procurement not answering: the page says so.
            if (!supplier.Problem.IsNotFound)
                LoadProblem = supplier.Problem;
            return null;
        }
        SupplierChoices.Add(new SelectListItem(supplier.Value.Name, supplier.Value.Id.ToString()));
        _currency = supplier.Value.Currency;
        var items = await Procurement.ListSupplierItemsAsync(supplierId, ct);
        SupplierItems = items.Succeeded ? items.Value : null;
        return null;
    }
}
