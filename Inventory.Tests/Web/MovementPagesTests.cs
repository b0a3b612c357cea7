using System.Text.RegularExpressions;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.Web;

/// <summary>The movements page: the ledger searched by item, location (with its bins), type and person, its export, and the links to it.</summary>
[Collection(WebAppCollection.Name)]
public sealed class MovementPagesTests(WebAppFixture fixture) : IDisposable
{
    private readonly CatalogUi _ui = new(fixture);

    public void Dispose() => _ui.Dispose();

    [Fact]
    public async Task Filtering_by_scanned_sku_and_a_warehouse_lists_its_bins_movements_in_words_and_the_export_holds_the_same_rows()
    {
        var warehouse = await _ui.WarehouseAsync(CatalogUi.Unique("WH"));
        var bin = await _ui.BinAsync(CatalogUi.Unique("B"), warehouse.Id);
        var elsewhere = await _ui.WarehouseAsync(CatalogUi.Unique("WH"));
        var item = await _ui.ItemAsync(CatalogUi.Unique("MV"));
        await _ui.ReceiveAsync(item.Id, bin.Id, 6);
        await _ui.ReceiveAsync(item.Id, elsewhere.Id, 2);
        using var viewer = await _ui.SignInAsync(Roles.Viewer);

        var query = $"item={item.Sku.ToLowerInvariant()}&locationId={warehouse.Id}&type=receipt";
        var page = Html.Decode(await Html.ReadAsync(await viewer.GetAsync($"/movements?{query}")));
        var csv = await (await viewer.GetAsync($"/movements?handler=Export&{query}")).Content.ReadAsStringAsync();

        var rows = CatalogUi.MovementRows(page);
        var row = Assert.Single(rows);
        Assert.Equal(("Receipt", "6 each"), (Html.Cell(row, "type"), Html.Cell(row, "quantity")));
        Assert.Contains(bin.Code, Html.Cell(row, "location"));
        Assert.Contains(item.Sku, row);
        Assert.Contains($"href=\"/movements?item={item.Sku.ToLowerInvariant()}&locationId={warehouse.Id}&type=receipt&handler=Export\"", page);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains($",receipt,{item.Sku},", lines[1]);
        Assert.Contains($",{bin.Code},", lines[1]);
    }

    [Fact]
    public async Task A_code_or_person_that_names_nothing_is_said_next_to_its_field_and_nothing_is_listed()
    {
        using var viewer = await _ui.SignInAsync(Roles.Viewer);

        var page = await Html.ReadAsync(await viewer.GetAsync("/movements?item=NO-SUCH-CODE&person=nobody@example.test"));

        Assert.Equal("No active item has the SKU or barcode \"NO-SUCH-CODE\".", Html.FieldError(page, "Item"));
        Assert.Equal("No one with the e-mail \"nobody@example.test\" has signed in here.", Html.FieldError(page, "Person"));
        Assert.False(Html.HasId(page, "movements"));
        Assert.Equal("NO-SUCH-CODE", Html.InputValue(page, "item"));
    }

    [Fact]
    public async Task Filtering_by_person_lists_only_what_they_booked_and_the_item_location_and_dashboard_link_here()
    {
        var warehouse = await _ui.WarehouseAsync(CatalogUi.Unique("WH"));
        var item = await _ui.ItemAsync(CatalogUi.Unique("MV"));
        await _ui.ReceiveAsync(item.Id, warehouse.Id, 10);
        var email = SignIn.NewEmail("picker");
        using var clerk = await SignIn.AsAsync(fixture.Address, email, Roles.Clerk);
        var url = $"/inventory/{item.Id}";
        var form = await Html.ReadAsync(await clerk.GetAsync(url));
        (await clerk.SubmitFormAsync(url, $"{url}?handler=Issue", new Dictionary<string, string>
        {
            ["Issue.LocationId"] = warehouse.Id.ToString(),
            ["Issue.Quantity"] = "4",
            ["Issue.Reference"] = "PICK-9",
            ["Issue.IdempotencyKey"] = Html.InputValue(form, "Issue.IdempotencyKey")!,
        })).EnsureSuccessStatusCode();

        var mine = Html.Decode(await Html.ReadAsync(await clerk.GetAsync($"/movements?person={email.ToUpperInvariant()}&itemId={item.Id}")));
        var itemPage = await Html.ReadAsync(await clerk.GetAsync(url));
        var locations = await Html.ReadAsync(await clerk.GetAsync("/locations"));
        var dashboard = await Html.ReadAsync(await clerk.GetAsync("/dashboard"));

        var row = Assert.Single(CatalogUi.MovementRows(mine));
        Assert.Equal("Issue", Html.Cell(row, "type"));
        Assert.Contains(email, Html.Cell(row, "by"));
        Assert.Contains("PICK-9", row);
        Assert.Contains($"href=\"/movements?itemId={item.Id}\"", itemPage);
        Assert.Contains($"href=\"/movements?locationId={warehouse.Id}\"", locations);
        Assert.Matches("id=\"all-movements\"|href=\"/movements\"", dashboard);
    }
}
