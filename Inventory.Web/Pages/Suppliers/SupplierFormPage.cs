namespace Inventory.Web.Pages.Suppliers;

/// <summary>What the new-supplier and edit-supplier pages share: the form and saving it.</summary>
public abstract class SupplierFormPage(ProcurementClient procurement) : ApiPageModel
{
    protected ProcurementClient Procurement => procurement;

    [BindProperty]
    public SupplierInput Input { get; set; } = new();

    /// <summary>The supplier edited; null for a new one.</summary>
    protected abstract Guid? SupplierId { get; }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
            return Page();
        var result = await procurement.SaveSupplierAsync(SupplierId, Input.ToWrite(), FormKeys.OrNew(Input.IdempotencyKey), ct);
        if (result.Succeeded)
            return RedirectWithMessage($"Supplier {result.Value.Name} {(SupplierId is null ? "created" : "saved")}.", "/Suppliers/Details", new { id = result.Value.Id });
        if (result.Problem.IsNotFound)
            return NotFound();
        // A stale version keeps the user's input: they reload to see the other change, then re-apply theirs.
        AddProblem(result.Problem, new FieldMap("Input"));
        return Page();
    }
}
