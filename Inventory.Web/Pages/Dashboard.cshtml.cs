using Inventory.ServiceDefaults;
using Inventory.Web.Services;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inventory.Web.Pages;

public sealed class DashboardModel(CatalogClient catalog, ProcurementClient procurement) : PageModel
{
    private const int PreviewSize = 5;

    public Page<ItemSummary>? Items { get; private set; }
    public Page<SupplierSummary>? Suppliers { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        // The two services answer independently; one being down does not blank the other's card.
        var items = TryAsync(() => catalog.ListItemsAsync(null, null, PreviewSize, ct));
        var suppliers = TryAsync(() => procurement.ListSuppliersAsync(null, null, PreviewSize, ct));
        Items = await items;
        Suppliers = await suppliers;
    }

    private static async Task<T?> TryAsync<T>(Func<Task<T>> call) where T : class
    {
        try
        {
            return await call();
        }
        catch (Exception ex) when (ServiceUnavailable.Is(ex))
        {
            return null;
        }
    }
}
