using Microsoft.AspNetCore.Authorization;

namespace Inventory.Web.Pages.Suppliers;

/// <summary>Adds an item to a supplier's list (no id) or changes the supplier's terms for it.</summary>
[Authorize(Roles = UserRoles.Managers)]
public sealed class SupplierItemModel(ProcurementClient procurement, CatalogClient catalog) : ApiPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid SupplierId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty]
    public SupplierItemInput Input { get; set; } = new();

    public SupplierDetail? Supplier { get; private set; }
    public bool IsNew => Id is null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadSupplierAsync(ct) is { } stop)
            return stop;
        if (IsNew)
            return Page();
        var items = await procurement.ListSupplierItemsAsync(SupplierId, ct);
        if (!items.Succeeded)
            return NotFoundOrShow(items.Problem) ?? Page();
        var item = items.Value.FirstOrDefault(i => i.Id == Id);
        if (item is null)
            return NotFound();
        Input = SupplierItemInput.From(item);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadSupplierAsync(ct) is { } stop)
            return stop;
        if (LoadProblem is not null)
            return Page();
        if (!ModelState.IsValid)
            return Page();

        ApiResult<SupplierItemDetail> result;
        var key = FormKeys.OrNew(Input.IdempotencyKey);
        if (IsNew)
        {
            if (string.IsNullOrWhiteSpace(Input.Sku))
            {
                ModelState.AddModelError("Input.Sku", "Enter the SKU of a catalog item.");
                return Page();
            }
            var found = await catalog.FindItemAsync(Input.Sku, ct);
            if (!found.Succeeded)
            {
                AddProblem(found.Problem);
                return Page();
            }
            if (found.Value is null)
            {
                ModelState.AddModelError("Input.Sku", $"No active catalog item has SKU {Input.Sku.Trim()}.");
                return Page();
            }
            result = await procurement.CreateSupplierItemAsync(SupplierId, Input.ToWrite(found.Value.Id) with { Version = null }, key, ct);
        }
        else
        {
            result = await procurement.UpdateSupplierItemAsync(Id!.Value, Input.ToWrite(null), key, ct);
        }

        if (!result.Succeeded)
        {
            AddProblem(result.Problem, SupplierItemInput.Fields);
            return Page();
        }
        return RedirectWithMessage($"{result.Value.ItemSku} {(IsNew ? "added" : "saved")}.", "/Suppliers/Details", new { id = SupplierId });
    }

    private async Task<IActionResult?> LoadSupplierAsync(CancellationToken ct)
    {
        var supplier = await procurement.GetSupplierAsync(SupplierId, ct);
        if (!supplier.Succeeded)
            return NotFoundOrShow(supplier.Problem);
        Supplier = supplier.Value;
        return null;
    }
}
