using Inventory.ServiceDefaults;
using Inventory.Web.Services;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inventory.Web.Pages;

public sealed class InventoryModel(CatalogClient catalog) : PageModel
{
    public const int PageSize = 50;

    public string? Search { get; private set; }
    public string? After { get; private set; }
    public Page<ItemSummary>? Items { get; private set; }

    public async Task OnGetAsync(string? search, string? after, CancellationToken ct)
    {
        Search = search;
        After = after;
        try
        {
            Items = await catalog.ListItemsAsync(search, after, PageSize, ct);
        }
        catch (Exception ex) when (ServiceUnavailable.Is(ex))
        {
            Items = null;
        }
    }
}
