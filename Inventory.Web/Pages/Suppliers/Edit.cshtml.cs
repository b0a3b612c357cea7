using Microsoft.AspNetCore.Authorization;

namespace Inventory.Web.Pages.Suppliers;

[Authorize(Roles = UserRoles.Managers)]
public sealed class SupplierEditModel(ProcurementClient procurement) : SupplierFormPage(procurement)
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    protected override Guid? SupplierId => Id;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await Procurement.GetSupplierAsync(Id, ct);
        if (!result.Succeeded)
            return NotFoundOrShow(result.Problem) ?? Page();
        Input = SupplierInput.From(result.Value);
        return Page();
    }
}
