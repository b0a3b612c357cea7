using Inventory.Web.Pages.Shared;
using Inventory.Web.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Inventory.Web.Pages.Suppliers;

[Authorize(Roles = UserRoles.Managers)]
public sealed class SupplierCreateModel(ProcurementClient procurement) : ApiPageModel
{
    [BindProperty]
    public SupplierInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
            return Page();
        var result = await procurement.CreateSupplierAsync(Input.ToWrite() with { Version = null }, ct);
        if (!result.Succeeded)
        {
            AddProblem(result.Problem, SupplierInput.FieldFor);
            return Page();
        }
        return RedirectWithMessage($"Supplier {result.Value.Name} created.", "/Suppliers/Details", new { id = result.Value.Id });
    }
}
