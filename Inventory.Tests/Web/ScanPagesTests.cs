using System.Net;
using System.Text.RegularExpressions;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.Web;

/// <summary>/scan opens the one thing a code names (item, location, purchase order) or lists what contains it; the location form's barcode; label pages.</summary>
[Collection(WebAppCollection.Name)]
public sealed partial class ScanPagesTests(WebAppFixture fixture) : IDisposable
{
    private readonly CatalogUi _ui = new(fixture);
    private readonly ProcurementUi _procurement = new(fixture);

    public void Dispose()
    {
        _ui.Dispose();
        _procurement.Dispose();
    }

    private static async Task<string> RedirectOfAsync(BrowserSession session, string code)
    {
        var response = await session.GetAsync($"/scan?code={Uri.EscapeDataString(code)}", follow: false);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    [Fact]
    public async Task A_code_that_names_one_item_location_or_order_opens_it_regardless_of_case()
    {
        var barcode = CatalogUi.Unique("EAN");
        var item = await _ui.ItemAsync(CatalogUi.Unique("SCAN"), barcode: barcode);
        var warehouse = await _ui.WarehouseAsync(CatalogUi.Unique("WH"));
        var supplier = await _procurement.SupplierAsync(ProcurementUi.Unique("Scan supplier"));
        var order = await _procurement.SubmittedOrderAsync(supplier.Id, item.Id, 5, 1m);
        using var viewer = await _ui.SignInAsync(Roles.Viewer);

        Assert.Equal($"/inventory/{item.Id}", await RedirectOfAsync(viewer, item.Sku.ToLowerInvariant()));
        Assert.Equal($"/inventory/{item.Id}", await RedirectOfAsync(viewer, $" {barcode.ToLowerInvariant()} "));
        Assert.Equal($"/inventory?locationId={warehouse.Id}", await RedirectOfAsync(viewer, warehouse.Code.ToLowerInvariant()));
        Assert.Equal($"/purchase-orders/{order.Id}", await RedirectOfAsync(viewer, order.Number.ToLowerInvariant()));
    }

    [Fact]
    public async Task A_part_of_a_code_lists_the_items_locations_and_orders_that_contain_it()
    {
        var stem = CatalogUi.Unique("PART");
        var first = await _ui.ItemAsync($"{stem}-1");
        var second = await _ui.ItemAsync($"{stem}-2");
        var warehouse = await _ui.WarehouseAsync($"{stem}-WH");
        using var viewer = await _ui.SignInAsync(Roles.Viewer);

        var response = await viewer.GetAsync($"/scan?code={stem.ToLowerInvariant()}");
        var page = Html.Decode(await Html.ReadAsync(response));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"href=\"/inventory/{first.Id}\"", page);
        Assert.Contains($"href=\"/inventory/{second.Id}\"", page);
        Assert.Contains($"href=\"/inventory?locationId={warehouse.Id}\"", page);
        Assert.False(Html.HasId(page, "scan-nothing"));
    }

    [Fact]
    public async Task A_code_nothing_has_is_named_in_the_answer()
    {
        var code = CatalogUi.Unique("NOTHING");
        using var viewer = await _ui.SignInAsync(Roles.Viewer);

        var page = Html.Decode(await Html.ReadAsync(await viewer.GetAsync($"/scan?code={code}")));

        Assert.Contains($"No item, location or order has the code {code}.", page);
    }

    [Fact]
    public async Task A_manager_sets_a_locations_barcode_on_its_form_and_a_taken_one_is_said_next_to_the_field()
    {
        var first = await _ui.WarehouseAsync(CatalogUi.Unique("WH"));
        var second = await _ui.WarehouseAsync(CatalogUi.Unique("WH"));
        var barcode = CatalogUi.Unique("LOC");
        using var manager = await _ui.SignInAsync(Roles.Manager);
        Dictionary<string, string> Form(string code, string label) => new()
        {
            ["Input.Code"] = code, ["Input.Barcode"] = label, ["Input.Name"] = "Main", ["Input.Kind"] = "warehouse", ["Input.Version"] = "1",
        };

        var saved = await manager.SubmitFormAsync($"/locations/edit/{first.Id}", $"/locations/edit/{first.Id}", Form(first.Code, barcode));
        var taken = await manager.SubmitFormAsync($"/locations/edit/{second.Id}", $"/locations/edit/{second.Id}", Form(second.Code, barcode.ToLowerInvariant()));
        var form = await Html.ReadAsync(await manager.GetAsync($"/locations/edit/{first.Id}"));

        Assert.Equal("/locations", saved.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(barcode, Html.InputValue(form, "Input.Barcode"));
        Assert.Contains("already exists", Html.FieldError(await Html.ReadAsync(taken), "Input.Barcode"));
        Assert.Equal($"/inventory?locationId={first.Id}", await RedirectOfAsync(manager, barcode));
        var list = Html.Decode(await Html.ReadAsync(await manager.GetAsync($"/locations?search={barcode}")));
        Assert.Contains($"data-code=\"{first.Code}\"", list);
        Assert.DoesNotContain($"data-code=\"{second.Code}\"", list);
    }

    [Fact]
    public async Task Item_labels_encode_the_barcode_else_the_sku_and_a_viewer_may_print_them()
    {
        var barcode = CatalogUi.Unique("EAN");
        var withBarcode = await _ui.ItemAsync(CatalogUi.Unique("LBL"), barcode: barcode);
        var withoutBarcode = await _ui.ItemAsync(CatalogUi.Unique("LBL"));
        using var viewer = await _ui.SignInAsync(Roles.Viewer);

        var response = await viewer.GetAsync($"/labels/items?ids={withBarcode.Id},{withoutBarcode.Id}&layout=roll");
        var page = await Html.ReadAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([barcode, withoutBarcode.Sku], Symbols(page).Select(SvgBarcode.Decode));
        Assert.Contains("labels-roll.css", page);
    }

    [Fact]
    public async Task A_locations_bin_labels_are_one_link_away_and_encode_each_bins_barcode()
    {
        var warehouse = await _ui.WarehouseAsync(CatalogUi.Unique("WH"));
        var first = await _ui.BinAsync(CatalogUi.Unique("BIN"), warehouse.Id);
        var second = await _ui.BinAsync(CatalogUi.Unique("BIN"), warehouse.Id);
        using var viewer = await _ui.SignInAsync(Roles.Viewer);

        var list = Html.Decode(await Html.ReadAsync(await viewer.GetAsync($"/locations?search={warehouse.Code}")));
        var page = await Html.ReadAsync(await viewer.GetAsync($"/labels/locations?under={warehouse.Id}"));

        Assert.Contains($"href=\"/labels/locations?under={warehouse.Id}\"", list);
        Assert.Contains($"href=\"/labels/locations?ids={first.Id}\"", list);
        Assert.Equal(new[] { first.Code, second.Code }.Order(), Symbols(page).Select(SvgBarcode.Decode).Order());
        Assert.Contains("labels-sheet.css", page);
    }

    [Theory]
    [InlineData("/labels/items?ids=not-an-id", "ids")]
    [InlineData("/labels/items", "ids")]
    [InlineData("/labels/items?ids=0197a7a4-0000-7000-8000-000000000001&layout=poster", "layout")]
    [InlineData("/labels/locations?under=0197a7a4-0000-7000-8000-000000000001", "under")]
    public async Task A_wrong_label_request_is_400_naming_the_parameter(string path, string field)
    {
        using var viewer = await _ui.SignInAsync(Roles.Viewer);

        var response = await viewer.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"data-field=\"{field}\"", await Html.ReadAsync(response));
    }

    private static IEnumerable<string> Symbols(string page) => Symbol().Matches(page).Select(m => m.Value);

    [GeneratedRegex("<svg [^>]*class=\"label-barcode\".*?</svg>", RegexOptions.Singleline)]
    private static partial Regex Symbol();
}
