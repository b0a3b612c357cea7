using System.Net;
using System.Net.Http.Json;
using System.Text;
using Inventory.CatalogService.Items;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.Service.Catalog;

[Collection(ServicesCollection.Name)]
public sealed class CsvTests(ServicesFixture fixture) : IAsyncLifetime
{
    private readonly HttpClient _client = fixture.Catalog.CreateClientAs(Roles.Manager, userId: "importer-1");
    private readonly CatalogTestData _data = new(fixture, "importer-1");

    public Task InitializeAsync() => _data.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<HttpResponseMessage> ImportAsync(string csv) =>
        _client.PostAsync("/api/items/import", new StringContent(csv, Encoding.UTF8, "text/csv"));

    [Fact]
    public async Task Import_creates_new_items_and_updates_existing_ones_by_sku_regardless_of_case()
    {
        var category = await _data.CategoryAsync("Fasteners");
        var existing = await _data.ItemAsync("BOLT-1", unitCost: 1m);

        var response = await ImportAsync("""
            sku,name,unit,unitCost,category,barcode,reorderPoint
            bolt-1,Hex bolt,each,1.25,Fasteners,111,5
            NUT-1,"Nut, M6",box,0.5,,,
            """);

        Assert.Equal(new ImportResult(1, 1, 0), await response.ReadAsync<ImportResult>());
        var bolt = await (await _client.GetAsync($"/api/items/{existing.Id}")).ReadAsync<ItemDetailDto>();
        Assert.Equal(("bolt-1", "Hex bolt", 1.25m, category.Id, "111", 5m, existing.Version + 1),
            (bolt.Sku, bolt.Name, bolt.UnitCost, bolt.CategoryId!.Value, bolt.Barcode, bolt.ReorderPoint, bolt.Version));
        var nut = (await _client.GetFromJsonAsync<Page<ItemDto>>("/api/items?search=NUT-1"))!.Items.Single();
        Assert.Equal(("Nut, M6", "box", 0.5m), (nut.Name, nut.Unit, nut.UnitCost));
        var audit = (await _client.GetFromJsonAsync<Page<AuditEntryDto>>($"/api/audit?entityType=item&entityId={existing.Id}"))!;
        Assert.Equal(("update", "importer-1"), (audit.Items[0].Action, audit.Items[0].UserId));
    }

    [Fact]
    public async Task A_file_with_any_bad_row_imports_nothing_and_reports_every_error_by_row_and_field()
    {
        await _data.ItemAsync("TAKEN", barcode: "999");

        var response = await ImportAsync("""
            sku,name,unit,unitCost,category,barcode
            OK-1,Fine,each,1,,
            BAD-1,Bad cost,each,cheap,,
            BAD-2,,parsec,1,,
            OK-1,Again,each,1,,
            BAD-3,Unknown category,each,1,Nowhere,
            BAD-4,Barcode of another item,each,1,,999
            """);

        var errors = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("row 3: unitCost", errors.Keys);
        Assert.Contains("row 4: name", errors.Keys);
        Assert.Contains("row 4: unit", errors.Keys);
        Assert.Contains("row 5: sku", errors.Keys);
        Assert.DoesNotContain("row 2: sku", errors.Keys);
        var second = await ImportAsync("""
            sku,name,unit,category,barcode
            OK-1,Fine,each,Nowhere,
            OK-2,Fine,each,,999
            """);
        var secondErrors = await second.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["row 2: category", "row 3: barcode"], secondErrors.Keys.Order());
        Assert.Equal(["TAKEN"], (await _client.GetFromJsonAsync<Page<ItemDto>>("/api/items"))!.Items.Select(i => i.Sku));
    }

    [Fact]
    public async Task A_semicolon_file_with_a_byte_order_mark_windows_line_endings_and_decimal_commas_imports()
    {
        var csv = "sku;name;unit;unitCost;reorderPoint\r\nSEMI-1;Schraube, M6;each;12,50;3\r\nSEMI-2;Mutter;kg;0,125;1.5\r\n";
        using var body = new ByteArrayContent([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)]);
        body.Headers.ContentType = new("text/csv");

        var response = await _client.PostAsync("/api/items/import", body);

        Assert.Equal(new ImportResult(2, 0, 0), await response.ReadAsync<ImportResult>());
        var items = (await _client.GetFromJsonAsync<Page<ItemDto>>("/api/items?search=SEMI"))!.Items.OrderBy(i => i.Sku).ToList();
        Assert.Equal([("SEMI-1", "Schraube, M6", 12.50m, 3m), ("SEMI-2", "Mutter", 0.125m, 1.5m)],
            items.Select(i => (i.Sku, i.Name, i.UnitCost, i.ReorderPoint)));
    }

    [Fact]
    public async Task A_tab_separated_file_imports()
    {
        var response = await ImportAsync("sku\tname\tunit\tunitCost\nTAB-1\tTabbed, with comma\teach\t2.5\n");

        Assert.Equal(new ImportResult(1, 0, 0), await response.ReadAsync<ImportResult>());
        var item = (await _client.GetFromJsonAsync<Page<ItemDto>>("/api/items?search=TAB-1"))!.Items.Single();
        Assert.Equal(("Tabbed, with comma", 2.5m), (item.Name, item.UnitCost));
    }

    [Fact]
    public async Task Two_bad_rows_one_with_two_errors_report_all_three_by_row_and_column_and_import_nothing()
    {
        // Row 2 has two errors of its own; row 4's category is checked against the catalog although row 2 failed already.
        var response = await ImportAsync("""
            sku,name,unit,unitCost,category
            BAD-1,,each,cheap,
            GOOD-1,Fine,each,1,
            BAD-2,Lost,each,1,Nowhere
            """);

        var errors = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["row 2: name", "row 2: unitCost", "row 4: category"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.All(errors.Values, messages => Assert.Single(messages));
        Assert.Empty((await _client.GetFromJsonAsync<Page<ItemDto>>("/api/items"))!.Items);
    }

    [Fact]
    public async Task A_file_with_hundreds_of_errors_reports_the_first_ones_in_row_order_and_how_many_more()
    {
        var rows = string.Concat(Enumerable.Range(1, ImportErrors.Shown + 50).Select(i => $"E-{i},Item {i},each,cheap\n"));

        var errors = await (await ImportAsync("sku,name,unit,unitCost\n" + rows)).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(ImportErrors.Shown + 1, errors.Count);
        Assert.Contains("row 2: unitCost", errors.Keys);
        Assert.Contains($"row {ImportErrors.Shown + 1}: unitCost", errors.Keys);
        Assert.Equal(["and 50 more errors."], errors[ImportErrors.MoreKey]);
    }

    [Theory]
    [InlineData("", "body")]
    [InlineData("sku,name\nA,b\n", "header")]
    [InlineData("sku,name,unit\n", "body")]
    [InlineData("sku,name,unit\n\"A,b,each\n", "body")]
    [InlineData("{}", "header")]
    public async Task Unusable_files_are_400_naming_what_is_wrong(string csv, string field)
    {
        var response = await ImportAsync(csv);

        Assert.Contains(field, (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).Keys);
    }

    [Fact]
    public async Task Exported_items_import_back_unchanged()
    {
        var category = await _data.CategoryAsync("Tools");
        var wh = await _data.WarehouseAsync("WH1");
        var hammer = await _data.ItemAsync("HAMMER", unitCost: 12.5m, categoryId: category.Id, barcode: "4001", name: "Hammer, claw \"16oz\"");
        await _data.ItemAsync("ROPE", unit: "m", unitCost: 0.3333m);
        await _data.ReceiveAsync(hammer.Id, wh.Id, 3);

        var export = await _client.GetAsync("/api/items/export");
        var csv = await export.Content.ReadAsStringAsync();
        var reimport = await ImportAsync(csv);

        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("sku,name,description,category,unit,barcode,unitCost", csv);
        Assert.Contains("HAMMER,\"Hammer, claw \"\"16oz\"\"\",", csv);
        Assert.Contains(",Tools,each,4001,12.5,", csv);
        Assert.Equal(new ImportResult(0, 0, 2), await reimport.ReadAsync<ImportResult>());
    }

    [Fact]
    public async Task Exports_quote_text_cells_that_a_spreadsheet_would_run_and_keep_negative_numbers_numbers()
    {
        var wh = await _data.WarehouseAsync("-WH", allowsNegative: true);
        var item = await _data.ItemAsync("-X1", barcode: "@SUM(1)", name: "=HYPERLINK(\"http://evil.example\",\"x\")");
        await _data.ReceiveAsync(item.Id, wh.Id, 1);
        (await _client.PostAsJsonAsync("/api/movements/issues", new { itemId = item.Id, locationId = wh.Id, quantity = 4 })).EnsureSuccessStatusCode();

        var items = (await _client.GetStringAsync("/api/items/export")).Split('\n')[1].TrimEnd('\r');
        var stock = (await _client.GetStringAsync("/api/stock/export")).Split('\n')[1].TrimEnd('\r');

        Assert.StartsWith("'-X1,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",,,each,'@SUM(1),1,", items);
        Assert.EndsWith(",false,-3", items);
        Assert.Equal("'-X1,'-WH,'-WH,-3,each", stock);
    }

    [Fact]
    public async Task Quoted_exports_import_back_to_the_exact_stored_text()
    {
        var category = await _data.CategoryAsync("+Promo");
        var item = await _data.ItemAsync("-A", categoryId: category.Id, barcode: "=1", name: "'=already quoted");

        var reimport = await ImportAsync(await _client.GetStringAsync("/api/items/export"));

        Assert.Equal(new ImportResult(0, 0, 1), await reimport.ReadAsync<ImportResult>());
        var stored = await (await _client.GetAsync($"/api/items/{item.Id}")).ReadAsync<ItemDetailDto>();
        Assert.Equal(("-A", "'=already quoted", "=1", category.Id), (stored.Sku, stored.Name, stored.Barcode, stored.CategoryId!.Value));
    }

    [Fact]
    public async Task Import_drops_only_a_quote_that_guards_a_formula_character()
    {
        var response = await ImportAsync("sku,name,description,unit\nQ-1,'=2+3,'note,each\n");

        Assert.Equal(new ImportResult(1, 0, 0), await response.ReadAsync<ImportResult>());
        var item = (await _client.GetFromJsonAsync<Page<ItemDto>>("/api/items?search=Q-1"))!.Items.Single();
        var detail = await (await _client.GetAsync($"/api/items/{item.Id}")).ReadAsync<ItemDetailDto>();
        Assert.Equal(("=2+3", "'note"), (detail.Name, detail.Description));
    }

    [Fact]
    public async Task Stock_export_lists_non_zero_levels_by_sku_and_location()
    {
        var wh = await _data.WarehouseAsync("WH1");
        var bin = await _data.BinAsync("A-1", wh.Id);
        var item = await _data.ItemAsync("SKU-1");
        await _data.ReceiveAsync(item.Id, bin.Id, 4);

        var csv = await _client.GetStringAsync("/api/stock/export");

        Assert.Equal(["sku,location,locationPath,onHand,unit", "SKU-1,A-1,WH1 / A-1,4,each"], csv.Trim().Split('\n').Select(l => l.TrimEnd('\r')));
    }

    [Fact]
    public async Task Import_cannot_make_an_item_indivisible_while_its_stock_is_fractional()
    {
        var wh = await _data.WarehouseAsync("WH1");
        var rope = await _data.ItemAsync("ROPE", unit: "m");
        await _data.ReceiveAsync(rope.Id, wh.Id, 1.5m);

        var response = await ImportAsync("sku,name,unit\nROPE,Rope,each\n");

        Assert.Contains("row 2: unit", (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).Keys);
    }

    [Fact]
    public async Task Only_managers_import()
    {
        var clerk = fixture.Catalog.CreateClientAs(Roles.Clerk);

        var response = await clerk.PostAsync("/api/items/import", new StringContent("sku,name,unit\nA,a,each\n", Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
