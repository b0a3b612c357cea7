using Inventory.Web.Settings;

namespace Inventory.Web.Pages;

public sealed class DashboardModel(CatalogClient catalog, ProcurementClient procurement, CompanySettingsStore settings) : ApiPageModel
{
    private const int PreviewSize = 5;

    public ApiResult<DashboardFigures>? Figures { get; private set; }
    public ApiResult<Page<SupplierSummary>>? Suppliers { get; private set; }

    /// <summary>Received lines the catalog rejected ("N receipt lines need attention"), with links to their orders.</summary>
    public ApiResult<ReceiptAttention>? ReceiptAttention { get; private set; }

    /// <summary>Open orders by status and receipt lines not in stock yet.</summary>
    public ApiResult<ProcurementFigures>? Purchasing { get; private set; }

    /// <summary>The four charts, each point linked to the list behind it (empty while the catalog is away).</summary>
    public IReadOnlyList<DashboardChart> Charts { get; private set; } = [];

    /// <summary>The company's currency (settings): stock is valued at the catalog's unit costs, which are in it.</summary>
    public string Currency { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        // The two services answer independently; one being down does not blank the other's figures.
        var figures = catalog.GetDashboardAsync(ct);
        var suppliers = procurement.FindSuppliersAsync(null, null, PreviewSize, includeArchived: false, ct);
        var attention = procurement.GetReceiptAttentionAsync(ct);
        var purchasing = procurement.GetDashboardAsync(ct);
        Currency = await settings.CurrencyAsync(ct);
        (Figures, Suppliers, ReceiptAttention, Purchasing) = (await figures, await suppliers, await attention, await purchasing);
        if (Figures.Succeeded)
            Charts = BuildCharts(Figures.Value);
    }

    private List<DashboardChart> BuildCharts(DashboardFigures figures) =>
    [
        new("value-by-category", "Stock value by category", DashboardChart.HorizontalBar, "Value", "Category",
            figures.StockValueByCategory.Select(c => new DashboardPoint(c.Category, Math.Round(c.Value, 2), Format.Money(Math.Round(c.Value, 2), Currency),
                c.CategoryId is { } id ? Url.Page("/Items/Index", new { categoryId = id }) : null)).ToList()),
        new("movements-per-day", "Movements per day (30 days, UTC)", DashboardChart.Bar, "Movements", "Day",
            figures.MovementsPerDay.Select(d => new DashboardPoint(Format.Date(d.Date), d.Count, Format.Quantity(d.Count), DayLink(d.Date))).ToList()),
        new("top-movers", "Top movers (30 days)", DashboardChart.HorizontalBar, "Movements", "Item",
            figures.TopMovers.Select(m => new DashboardPoint(m.Sku, m.Movements,
                $"{Format.Quantity(m.Movements)} ({Format.Quantity(m.UnitsMoved)} {m.Unit})", Url.Page("/Items/Details", new { id = m.ItemId }))).ToList()),
        new("value-trend", "Stock value trend (30 days, UTC)", DashboardChart.Line, "Value at end of day", "Day",
            figures.ValueTrend.Select(d => new DashboardPoint(Format.Date(d.Date), Math.Round(d.Value, 2), Format.Money(Math.Round(d.Value, 2), Currency), DayLink(d.Date))).ToList()),
    ];

    /// <summary>The ledger of one UTC day.</summary>
    private string? DayLink(DateOnly day) => Url.Page("/Movements/Index", new { from = Format.Date(day), to = Format.Date(day) });
}
