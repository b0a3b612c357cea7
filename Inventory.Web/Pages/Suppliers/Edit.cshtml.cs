using Inventory.Web.Pages.Shared;
using Inventory.Web.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Inventory.Web.Pages.Suppliers;

[Authorize(Roles = UserRoles.Managers)]
public sealed class SupplierEditModel(ProcurementClient procurement) : ApiPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public SupplierInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await procurement.GetSupplierAsync(Id, ct);
        if (!result.Succeeded)
            return NotFoundOrShow(result.Problem) ?? Page();
        Input = SupplierInput.From(result.Value);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
            return Page();
        var result = await procurement.UpdateSupplierAsync(Id, Input.ToWrite(), ct);
        if (!result.Succeeded)
        {
            if (result.Problem.IsNotFound)
                return NotFound();
            // A stale version keeps the user's input: they reload to see the other change, then re-apply theirs.
            AddProblem(result.Problem, SupplierInput.FieldFor);
            return Page();
        }
        return RedirectWithMessage($"Supplier {result.Value.Name} saved.", "/Suppliers/Details", new { id = Id });
    }
}
