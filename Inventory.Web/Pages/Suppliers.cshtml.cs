using Inventory.ServiceDefaults;
using Inventory.Web.Services;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inventory.Web.Pages;

public sealed class SuppliersModel(ProcurementClient procurement) : PageModel
{
    public const int PageSize = 50;

    public string? Search { get; private set; }
    public string? After { get; private set; }
    public Page<SupplierSummary>? Suppliers { get; private set; }

    public async Task OnGetAsync(string? search, string? after, CancellationToken ct)
    {
        Search = search;
        After = after;
        try
        {
            Suppliers = await procurement.ListSuppliersAsync(search, after, PageSize, ct);
        }
        catch (Exception ex) when (ServiceUnavailable.Is(ex))
        {
            Suppliers = null;
        }
    }
}
