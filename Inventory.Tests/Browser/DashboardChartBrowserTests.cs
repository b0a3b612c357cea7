using System.Globalization;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;
using Inventory.Tests.Web;

namespace Inventory.Tests.Browser;

/// <summary>
/// The dashboard's Chart.js charts under the strict CSP: all four draw, the table beside each carries the same
/// figures, a click on a category's bar opens the inventory filtered to it, and the page fits a phone.
/// </summary>
[Collection(BrowserAppCollection.Name)]
public sealed class DashboardChartBrowserTests(BrowserAppFixture fixture)
{
    // Where a category's bar is on the canvas: Chart.js's own geometry of the bar (the middle of its length).
    private const string BarCentre = """
        (label) => {
          const chart = Chart.getChart(document.getElementById('value-by-category-chart'));
          const bar = chart.getDatasetMeta(0).data[chart.data.labels.indexOf(label)];
          return [(bar.base + bar.x) / 2, bar.y];
        }
        """;

    [Theory]
    [MemberData(nameof(HeadlessChromium.Widths), MemberType = typeof(HeadlessChromium))]
    public async Task The_charts_draw_their_tables_show_the_figures_and_a_category_bar_opens_that_categorys_items(string width)
    {
        using var ui = new CatalogUi(fixture);
        var category = await ui.CategoryAsync(CatalogUi.Unique("Charted"));
        var warehouse = await ui.WarehouseAsync(CatalogUi.Unique("WH"));
        // Worth far more than anything other tests stock, so its bar is long enough to hit.
        var item = await ui.ItemAsync(CatalogUi.Unique("CHART"), unitCost: 1000m, categoryId: category.Id);
        await ui.ReceiveAsync(item.Id, warehouse.Id, 2500);
        var (context, page, blocked) = await fixture.SignedInPageAsync(Roles.Viewer, width, "/dashboard");
        await using var _ = context;
        await page.Locator("#value-trend-chart[data-chart-ready]").WaitForAsync();

        foreach (var chart in new[] { "value-by-category", "movements-per-day", "top-movers", "value-trend" })
            Assert.True(int.Parse(await page.GetAttributeAsync($"#{chart}-chart", "data-chart-ready") ?? "0", CultureInfo.InvariantCulture) > 0, chart);
        var row = page.Locator($"#value-by-category tr[data-label='{category.Name}']");
        Assert.Matches("^2,500,000.00 [A-Z]{3}$", (await row.Locator("[data-field='value']").TextContentAsync())?.Trim()); // in the company's currency
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal($"/movements?from={today}&to={today}",
            await page.Locator($"#movements-per-day tr[data-label='{today}'] a").GetAttributeAsync("href"));
        // The headline figures keep to one line: nothing cut off, nothing wrapped.
        Assert.True(await page.EvaluateAsync<bool>("[...document.querySelectorAll('.figure-value')].every(f => f.scrollWidth <= f.clientWidth)"));
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= document.documentElement.clientWidth"),
            "the dashboard scrolls sideways");

        // The audit's full-page screenshot resizes the viewport for a moment, and the charts with it: measure after it.
        await context.Audit.SettleAsync();
        var point = await page.EvaluateAsync<double[]>(BarCentre, category.Name);
        // Playwright scrolls the canvas into view, waits for it to hold still, and clicks that point of it.
        await page.Locator("#value-by-category-chart").ClickAsync(new() { Position = new() { X = (float)point[0], Y = (float)point[1] } });
        await page.WaitForURLAsync(url => url.Contains($"categoryId={category.Id}", StringComparison.Ordinal));

        Assert.Contains(item.Sku, await page.Locator("main").TextContentAsync());
        Assert.Empty(blocked);
    }
}
