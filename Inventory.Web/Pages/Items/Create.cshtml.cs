using Microsoft.AspNetCore.Authorization;

namespace Inventory.Web.Pages.Items;

[Authorize(Roles = UserRoles.Managers)]
public sealed class ItemCreateModel(CatalogClient catalog) : ItemFormPage(catalog)
{
    protected override Guid? ItemId => null;

    public Task OnGetAsync(CancellationToken ct) => LoadCategoriesAsync(ct);
}
