namespace Inventory.Web.Pages;

public sealed class DashboardModel(CatalogClient catalog, ProcurementClient procurement) : ApiPageModel
{
    private const int PreviewSize = 5;

    public ApiResult<DashboardFigures>? Figures { get; private set; }
    public ApiResult<Page<SupplierSummary>>? Suppliers { get; private set; }

    /// <summary>Received lines the catalog rejected ("N receipt lines need attention"), with links to their orders.</summary>
    public ApiResult<ReceiptAttention>? ReceiptAttention { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        // The two services answer independently; one being down does not blank the other's figures.
        var figures = catalog.GetDashboardAsync(ct);
        var suppliers = procurement.FindSuppliersAsync(null, null, PreviewSize, includeArchived: false, ct);
        var attention = procurement.GetReceiptAttentionAsync(ct);
        (Figures, Suppliers, ReceiptAttention) = (await figures, await suppliers, await attention);
    }

    /// <summary>A bar's width class (<c>bar-w-0</c> … <c>bar-w-20</c>, steps of 5 %): the CSP allows no inline widths.</summary>
    public static string BarClass(decimal value, decimal max) =>
        $"bar-w-{(max <= 0 || value <= 0 ? 0 : Math.Max(1, (int)Math.Round(value / max * 20, MidpointRounding.AwayFromZero)))}";
}
