using Inventory.Web.Pages.Shared;
using Inventory.Web.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Inventory.Web.Pages.PurchaseOrders;

/// <summary>A new draft: supplier, expected date, notes and lines (items by SKU).</summary>
[Authorize(Roles = UserRoles.Managers)]
public sealed class OrderCreateModel(ProcurementClient procurement, CatalogClient catalog) : ApiPageModel, IOrderForm
{
    private const int SupplierChoiceLimit = 200;

    [BindProperty]
    public OrderInput Input { get; set; } = new();

    public List<SelectListItem> SupplierChoices { get; } = [];
    public IReadOnlyList<SupplierItem>? SupplierItems { get; private set; }
    public string? Currency { get; private set; }

    public async Task OnGetAsync(Guid? supplierId, CancellationToken ct)
    {
        Input.SupplierId = supplierId;
        Input.AddBlankRows(OrderInput.RowsToAdd);
        await LoadChoicesAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (lines, rows, problem) = ModelState.IsValid ? await new OrderLines(catalog).ResolveAsync(Input, ModelState, ct) : ([], [], null);
        if (problem is not null)
            AddProblem(problem);
        if (Input.SupplierId is null)
            ModelState.AddModelError("Input.SupplierId", "Choose a supplier.");
        if (!ModelState.IsValid)
            return await ShowAsync(ct);

        var result = await procurement.CreateOrderAsync(new PurchaseOrderWrite(Input.SupplierId, Input.ExpectedDate, Input.Notes, lines, null), ct);
        if (!result.Succeeded)
        {
            AddProblem(result.Problem, OrderLines.FieldFor(rows, supplierOnForm: true));
            return await ShowAsync(ct);
        }
        return RedirectWithMessage($"Draft {result.Value.Number} created.", "/PurchaseOrders/Details", new { id = result.Value.Id });
    }

    /// <summary>More empty rows (the form without script), also showing the chosen supplier's items.</summary>
    public async Task<IActionResult> OnPostAddLinesAsync(CancellationToken ct)
    {
        ModelState.Clear();
        Input.AddBlankRows(OrderInput.RowsToAdd);
        return await ShowAsync(ct);
    }

    /// <summary>Shows the chosen supplier's items and prices (the form without script).</summary>
    public async Task<IActionResult> OnPostRefreshAsync(CancellationToken ct)
    {
        ModelState.Clear();
        return await ShowAsync(ct);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        return Page();
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        var suppliers = await procurement.FindSuppliersAsync(null, null, SupplierChoiceLimit, includeArchived: false, ct);
        if (!suppliers.Succeeded)
        {
            LoadProblem = suppliers.Problem;
            return;
        }
        SupplierChoices.AddRange(suppliers.Value.Items.Select(s => new SelectListItem(s.Name, s.Id.ToString())));
        if (Input.SupplierId is not { } supplierId)
            return;

        // A supplier beyond the first page of choices (or just created) still shows as chosen.
        var chosen = suppliers.Value.Items.FirstOrDefault(s => s.Id == supplierId)?.Currency;
        if (chosen is null)
        {
            var supplier = await procurement.GetSupplierAsync(supplierId, ct);
            if (supplier.Succeeded)
            {
                SupplierChoices.Add(new SelectListItem(supplier.Value.Name, supplier.Value.Id.ToString()));
                chosen = supplier.Value.Currency;
            }
        }
        Currency = chosen;
        var items = await procurement.ListSupplierItemsAsync(supplierId, ct);
        SupplierItems = items.Succeeded ? items.Value : null;
    }
}
