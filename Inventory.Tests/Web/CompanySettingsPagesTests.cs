using System.Net;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.Web;

/// <summary>
/// The company settings page (Admins) and the purchase-order print view that shows them. The settings are one row
/// shared by every test of the collection, so each test writes values of its own and reads them back.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class CompanySettingsPagesTests(WebAppFixture fixture) : IDisposable
{
    private const string SettingsPath = "/admin/settings";
    private readonly ProcurementUi _ui = new(fixture);

    public void Dispose() => _ui.Dispose();

    [Fact]
    public async Task Saved_settings_start_new_suppliers_in_their_currency_and_appear_on_a_purchase_orders_print_view_with_its_lines_total_and_currency()
    {
        using var admin = await SignIn.AsAsync(fixture.Address, SignIn.AdminEmail);
        var company = ProcurementUi.Unique("Company");
        var saved = await SaveAsync(admin, company, "Harbour Road 1\n2000 Antwerp", "eur", "Deliver to gate 3.");
        Assert.Contains("Settings saved.", Html.Decode(await Html.ReadAsync(saved)));
        // The company's currency is where a new supplier starts.
        Assert.Equal("EUR", Html.InputValue(await Html.ReadAsync(await admin.GetAsync("/suppliers/new")), "Input.Currency"));

        var item = await _ui.ItemAsync(ProcurementUi.Unique("SKU"));
        var supplier = await _ui.SupplierWithAddressAsync(ProcurementUi.Unique("Vendor"), "Mill Lane 7\nLeeds", "Ann Smith", "ann@vendor.test", "GBP");
        await _ui.SupplierItemAsync(supplier.Id, item.Id, 2.5m, supplierSku: "V-778");
        var order = await _ui.SubmittedOrderAsync(supplier.Id, item.Id, quantity: 12, unitPrice: 2.5m);
        using var viewer = await _ui.SignInAsync(Roles.Viewer);

        var print = Html.Decode(await Html.ReadAsync(await viewer.GetAsync($"/purchase-orders/{order.Id}/print")));

        Assert.Contains(company, print);
        Assert.Contains("Harbour Road 1\n2000 Antwerp", print);
        Assert.Contains("Deliver to gate 3.", print);
        Assert.Contains("Mill Lane 7\nLeeds", print);
        Assert.Contains("Ann Smith · ann@vendor.test", print);
        Assert.Contains(order.Number, print);
        var line = Html.Row(print, "print-lines", item.Sku);
        Assert.Equal("V-778", Html.Cell(line, "supplierSku"));
        Assert.Equal("12", Html.Cell(line, "quantity"));
        Assert.Equal("each", Html.Cell(line, "unit"));
        Assert.Equal("30.00 GBP", Html.Cell(line, "lineTotal"));
        Assert.Matches("id=\"print-total\">30.00 GBP<", print);
        Assert.Matches("href=\"/css/print[^\"]*\\.css\"", print); // the print stylesheet (fingerprinted by the static assets)
    }

    [Fact]
    public async Task Catalog_amounts_unit_cost_and_stock_value_are_shown_in_the_companys_currency()
    {
        using var admin = await SignIn.AsAsync(fixture.Address, SignIn.AdminEmail);
        await SaveAsync(admin, ProcurementUi.Unique("Company"), null, "CHF", null);
        using var catalog = new CatalogUi(fixture);
        var item = await catalog.ItemAsync(CatalogUi.Unique("COST"), unitCost: 2.5m);
        using var viewer = await _ui.SignInAsync(Roles.Viewer);

        var itemPage = Html.Decode(await Html.ReadAsync(await viewer.GetAsync($"/inventory/{item.Id}")));
        var list = await Html.ReadAsync(await viewer.GetAsync($"/inventory?search={item.Sku}"));
        var dashboard = await Html.ReadAsync(await viewer.GetAsync("/dashboard"));

        Assert.Contains("<dd class=\"col-sm-8\">2.50 CHF</dd>", itemPage);
        Assert.Contains("2.50 CHF", Html.Row(list, item.Sku));
        Assert.Matches("id=\"stock-value\">[0-9,.]+ CHF<", dashboard);
    }

    [Fact]
    public async Task A_bad_currency_is_shown_next_to_its_field_and_nothing_is_saved()
    {
        using var admin = await SignIn.AsAsync(fixture.Address, SignIn.AdminEmail);
        var before = ProcurementUi.Unique("Company");
        await SaveAsync(admin, before, null, "USD", null);

        foreach (var bad in new[] { "EUX", "E1", "" })
        {
            var refused = await SaveAsync(admin, ProcurementUi.Unique("Other"), null, bad, null);
            var page = await Html.ReadAsync(refused);
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("three-letter ISO 4217 currency code", Html.FieldError(page, "Input.Currency"));
        }

        var current = await Html.ReadAsync(await admin.GetAsync(SettingsPath));
        Assert.Equal(before, Html.InputValue(current, "Input.CompanyName"));
        Assert.Equal("USD", Html.InputValue(current, "Input.Currency"));
    }

    [Fact]
    public async Task The_same_settings_form_posted_twice_saves_once_and_a_stale_one_is_refused()
    {
        using var admin = await SignIn.AsAsync(fixture.Address, SignIn.AdminEmail);
        var form = await Html.ReadAsync(await admin.GetAsync(SettingsPath));
        var fields = Fields(form, ProcurementUi.Unique("Company"), null, "CHF", null);

        var first = await admin.SubmitLoadedFormAsync(form, SettingsPath, fields);
        var again = await admin.SubmitLoadedFormAsync(form, SettingsPath, fields);
        var stale = await admin.SubmitLoadedFormAsync(form, SettingsPath,
            new Dictionary<string, string>(fields) { ["Input.IdempotencyKey"] = Guid.NewGuid().ToString() });

        Assert.Contains("Settings saved.", await Html.ReadAsync(first));
        Assert.Contains("Settings saved.", await Html.ReadAsync(again));
        Assert.Contains("Another administrator changed the settings meanwhile", Html.Decode(await Html.ReadAsync(stale)));
        var history = Html.Decode(await Html.ReadAsync(await admin.GetAsync(SettingsPath)));
        Assert.Contains(fields["Input.CompanyName"], history);
    }

    [Fact]
    public async Task A_manager_may_neither_see_nor_save_the_settings()
    {
        using var admin = await SignIn.AsAsync(fixture.Address, SignIn.AdminEmail);
        var kept = ProcurementUi.Unique("Company");
        await SaveAsync(admin, kept, null, "USD", null);
        using var manager = await _ui.SignInAsync(Roles.Manager);

        var page = await manager.GetAsync(SettingsPath);
        var post = await manager.PostFormAsync(SettingsPath, new Dictionary<string, string>
        {
            ["Input.CompanyName"] = "Hijacked", ["Input.Currency"] = "EUR", ["Input.Version"] = "0",
        }, follow: false);

        Assert.Equal("/access-denied", page.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.True(post.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Forbidden or HttpStatusCode.BadRequest, $"{post.StatusCode}");
        Assert.DoesNotContain("/admin/settings", post.Headers.Location?.OriginalString ?? "");
        Assert.Equal(kept, Html.InputValue(await Html.ReadAsync(await admin.GetAsync(SettingsPath)), "Input.CompanyName"));
        Assert.DoesNotContain("href=\"/admin/settings\"", await Html.ReadAsync(await manager.GetAsync("/dashboard")));
    }

    private static async Task<HttpResponseMessage> SaveAsync(BrowserSession admin, string name, string? address, string currency, string? terms)
    {
        var form = await Html.ReadAsync(await admin.GetAsync(SettingsPath));
        return await admin.SubmitLoadedFormAsync(form, SettingsPath, Fields(form, name, address, currency, terms));
    }

    private static Dictionary<string, string> Fields(string form, string name, string? address, string currency, string? terms) => new()
    {
        ["Input.CompanyName"] = name,
        ["Input.Address"] = address ?? "",
        ["Input.Currency"] = currency,
        ["Input.Terms"] = terms ?? "",
        ["Input.Version"] = Html.InputValue(form, "Input.Version")!,
        ["Input.IdempotencyKey"] = Html.InputValue(form, "Input.IdempotencyKey")!,
    };
}
