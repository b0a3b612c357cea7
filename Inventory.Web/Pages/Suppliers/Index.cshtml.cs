using Inventory.ServiceDefaults.Kit;
using Inventory.ServiceDefaults;
using Inventory.Web.Pages.Shared;
using Inventory.Web.Services;
using Microsoft.AspNetCore.Mvc;

namespace Inventory.Web.Pages.Suppliers;

public sealed class SupplierListModel(ProcurementClient procurement) : ApiPageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    /// <summary>Archived suppliers are hidden unless asked for.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Archived { get; set; }

    public Page<SupplierSummary>? Suppliers { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var result = await procurement.FindSuppliersAsync(Search, After, PageSize, Archived, ct);
        if (result.Succeeded)
            Suppliers = result.Value;
        else
            NotFoundOrShow(result.Problem);
    }
}
