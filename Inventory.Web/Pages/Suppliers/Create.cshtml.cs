using Microsoft.AspNetCore.Authorization;

namespace Inventory.Web.Pages.Suppliers;

[Authorize(Roles = UserRoles.Managers)]
public sealed class SupplierCreateModel(ProcurementClient procurement) : SupplierFormPage(procurement)
{
    protected override Guid? SupplierId => null;

    public void OnGet()
    {
    }
}
