using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Inventory.Web.Pages.PurchaseOrders;

/// <summary>A new draft: supplier, expected date, notes and lines (items by SKU).</summary>
[Authorize(Roles = UserRoles.Managers)]
public sealed class OrderCreateModel(ProcurementClient procurement, CatalogClient catalog) : OrderFormPage<NewOrderInput>(procurement, catalog)
{
    private const int SupplierChoiceLimit = 200;

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
        var suppliers = await Procurement.FindSuppliersAsync(null, null, SupplierChoiceLimit, includeArchived: false, ct);
        if (!suppliers.Succeeded)
        {
            LoadProblem = suppliers.Problem;
            return null;
        }
        SupplierChoices.AddRange(suppliers.Value.Items.Select(s => new SelectListItem(s.Name, s.Id.ToString())));
        if (Input.SupplierId is not { } supplierId)
            return null;

        // A supplier beyond the first page of choices (or just created) still shows as chosen.
        _currency = suppliers.Value.Items.FirstOrDefault(s => s.Id == supplierId)?.Currency;
        if (_currency is null)
        {
            var supplier = await Procurement.GetSupplierAsync(supplierId, ct);
            if (supplier.Succeeded)
            {
                SupplierChoices.Add(new SelectListItem(supplier.Value.Name, supplier.Value.Id.ToString()));
                _currency = supplier.Value.Currency;
            }
        }
        var items = await Procurement.ListSupplierItemsAsync(supplierId, ct);
        SupplierItems = items.Succeeded ? items.Value : null;
        return null;
    }
}
