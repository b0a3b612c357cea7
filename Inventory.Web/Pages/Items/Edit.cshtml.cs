using Microsoft.AspNetCore.Authorization;

namespace Inventory.Web.Pages.Items;

[Authorize(Roles = UserRoles.Managers)]
public sealed class ItemEditModel(CatalogClient catalog) : ItemFormPage(catalog)
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    protected override Guid? ItemId => Id;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await Catalog.GetItemAsync(Id, ct);
        if (!result.Succeeded)
            return NotFoundOrShow(result.Problem) ?? Page();
        Input = ItemInput.From(result.Value);
        await LoadCategoriesAsync(ct);
        return Page();
    }
}
