using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.Web;

/// <summary>CSV import (a manager's form with a per-row error report) and the export downloads.</summary>
[Collection(WebAppCollection.Name)]
public sealed partial class CatalogCsvPagesTests(WebAppFixture fixture) : IDisposable
{
    private readonly CatalogUi _ui = new(fixture);

    public void Dispose() => _ui.Dispose();

    [Fact]
    public async Task An_import_with_a_bad_row_shows_the_row_error_and_imports_nothing_and_a_good_file_is_imported()
    {
        var good = CatalogUi.Unique("CSV");
        var other = CatalogUi.Unique("CSV");
        using var manager = await _ui.SignInAsync(Roles.Manager);

        var refused = await ImportAsync(manager, $"sku,name,unit,unitCost\n{good},Good row,each,2\n{other},Bad unit,bucket,1\n");
        var imported = await ImportAsync(manager, $"sku,name,unit,unitCost\n{good},Good row,each,2\n{other},Fixed,box,1\n");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var report = Html.Decode(await Html.ReadAsync(refused));
        var row = Regex.Match(report, "id=\"import-errors\".*?<tbody>(.*?)</tbody>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("row 3: unit", row);
        Assert.Contains("Unit must be one of", row);
        Assert.DoesNotContain("row 2", row);
        Assert.Equal("/inventory", imported.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("2 created, 0 updated, 0 unchanged.", Html.Decode(await Html.ReadAsync(imported)));
        Assert.Equal(("Fixed", "box"), ((await _ui.FindItemsAsync(other)).Single().Name, (await _ui.FindItemsAsync(other)).Single().Unit));
    }

    [Fact]
    public async Task The_export_links_download_items_and_stock_as_csv_and_a_viewer_cannot_import()
    {
        var item = await _ui.ItemAsync(CatalogUi.Unique("EXP"));
        var warehouse = await _ui.WarehouseAsync(CatalogUi.Unique("WH"));
        await _ui.ReceiveAsync(item.Id, warehouse.Id, 3);
        using var viewer = await _ui.SignInAsync(Roles.Viewer);

        var items = await viewer.GetAsync("/inventory?handler=Export&what=items");
        var stock = await viewer.GetAsync("/inventory?handler=Export&what=stock");
        var list = await Html.ReadAsync(await viewer.GetAsync("/inventory"));

        Assert.Equal("text/csv", items.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"\n{item.Sku},Item {item.Sku},", await items.Content.ReadAsStringAsync());
        var stockCsv = await stock.Content.ReadAsStringAsync();
        Assert.True(stockCsv.Contains($"\n{item.Sku},{warehouse.Code},{warehouse.Code},3,each", StringComparison.Ordinal), stockCsv[..Math.Min(400, stockCsv.Length)]);
        Assert.Contains("href=\"/inventory?what=items&amp;archived=active&amp;handler=Export\"", list);
        Assert.Contains("href=\"/inventory?what=stock&amp;handler=Export\"", list);
        Assert.False(Html.HasId(list, "import-items"));
        Assert.Equal("/access-denied", (await viewer.GetAsync("/inventory/import")).RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task A_location_view_shows_the_quantity_there_and_its_export_link_carries_the_filter()
    {
        var warehouse = await _ui.WarehouseAsync(CatalogUi.Unique("WH"));
        var a1 = await _ui.BinAsync(CatalogUi.Unique("A1"), warehouse.Id);
        var a2 = await _ui.BinAsync(CatalogUi.Unique("A2"), warehouse.Id);
        var bearing = await _ui.ItemAsync(CatalogUi.Unique("BRG"));
        await _ui.ReceiveAsync(bearing.Id, a1.Id, 33);
        await _ui.ReceiveAsync(bearing.Id, a2.Id, 48);
        using var viewer = await _ui.SignInAsync(Roles.Viewer);

        var page = Html.Decode(await Html.ReadAsync(await viewer.GetAsync($"/inventory?locationId={a1.Id}")));
        var export = await (await viewer.GetAsync($"/inventory?handler=Export&what=items&locationId={a1.Id}")).Content.ReadAsStringAsync();

        var row = Regex.Match(page, $"<tr data-sku=\"{bearing.Sku}\">(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains($"At {a1.Code}", page);
        Assert.Matches("data-field=\"locationOnHand\">33<", row);
        Assert.Matches("data-field=\"onHand\">81<", row);
        Assert.Contains($"href=\"/inventory?what=items&locationId={a1.Id}&archived=active&handler=Export\"", page);
        Assert.Contains($"\n{bearing.Sku},", export);
        Assert.EndsWith(",81,33", export.Split('\n', StringSplitOptions.RemoveEmptyEntries).Single(l => l.StartsWith(bearing.Sku, StringComparison.Ordinal)).TrimEnd('\r'));
    }

    private static async Task<HttpResponseMessage> ImportAsync(BrowserSession session, string csv)
    {
        var form = await Html.ReadAsync(await session.GetAsync("/inventory/import"));
        var content = new MultipartFormDataContent
        {
            { new StringContent(BrowserSession.AntiforgeryTokenOf(form)), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)) { Headers = { ContentType = new("text/csv") } }, "Upload", "items.csv" },
        };
        return await session.SendAsync(HttpMethod.Post, "/inventory/import", content, follow: true);
    }
}
