using System.Net;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.Web;

/// <summary>The supplier pages, as a signed-in person with a browser's cookies and forms.</summary>
[Collection(WebAppCollection.Name)]
public sealed class SupplierPagesTests(WebAppFixture fixture) : IDisposable
{
    private readonly ProcurementUi _ui = new(fixture);

    public void Dispose() => _ui.Dispose();

    [Fact]
    public async Task A_manager_creates_a_supplier_with_the_form_and_sees_it_on_its_page_and_in_the_list()
    {
        var name = ProcurementUi.Unique("Supplier");
        using var manager = await _ui.SignInAsync(Roles.Manager);

        var created = await manager.SubmitFormAsync("/suppliers/new", "/suppliers/new", new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.ContactName"] = "Ada Buyer",
            ["Input.Email"] = "orders@supplier.example",
            ["Input.LeadTimeDays"] = "7",
            ["Input.Currency"] = "eur",
        });

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var path = created.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.Matches(Html.SupplierPath(), path);
        var page = Html.Decode(await Html.ReadAsync(created));
        Assert.Contains($"Supplier {name} created.", page);
        Assert.Contains("Ada Buyer", page);
        Assert.Contains("EUR", page);
        Assert.All(new[] { "edit-supplier", "archive", "add-item", "new-order" }, id => Assert.True(Html.HasId(page, id), id));
        var list = Html.Decode(await Html.ReadAsync(await manager.GetAsync($"/suppliers?search={name}")));
        Assert.Contains($"href=\"{path}\">{name}</a>", list);
        Assert.True(Html.HasId(list, "new-supplier"));
    }

    [Fact]
    public async Task An_invalid_supplier_form_shows_each_error_next_to_its_field_and_keeps_the_input()
    {
        var contact = ProcurementUi.Unique("Contact");
        using var manager = await _ui.SignInAsync(Roles.Manager);

        var response = await manager.SubmitFormAsync("/suppliers/new", "/suppliers/new", new Dictionary<string, string>
        {
            ["Input.Name"] = "",
            ["Input.ContactName"] = contact,
            ["Input.Email"] = "not-an-address",
            ["Input.LeadTimeDays"] = "400",
            ["Input.Notes"] = "Call before delivery",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/suppliers/new", response.RequestMessage!.RequestUri!.AbsolutePath);
        var page = await Html.ReadAsync(response);
        Assert.Equal("Name is required.", Html.FieldError(page, "Input.Name"));
        Assert.Equal("Not a valid e-mail address.", Html.FieldError(page, "Input.Email"));
        Assert.Equal("Lead time must be between 0 and 365 days.", Html.FieldError(page, "Input.LeadTimeDays"));
        Assert.Equal("", Html.FieldError(page, "Input.ContactName"));
        Assert.Equal(contact, Html.InputValue(page, "Input.ContactName"));
        Assert.Equal("not-an-address", Html.InputValue(page, "Input.Email"));
        Assert.Equal("400", Html.InputValue(page, "Input.LeadTimeDays"));
        Assert.Equal("Call before delivery", Html.TextArea(page, "Input.Notes"));
        Assert.Empty(await _ui.FindSuppliersAsync(contact));
    }

    [Fact]
    public async Task Saving_a_supplier_someone_else_changed_meanwhile_says_so_keeps_the_input_and_saves_nothing()
    {
        var supplier = await _ui.SupplierAsync(ProcurementUi.Unique("Stale"));
        using var manager = await _ui.SignInAsync(Roles.Manager);
        var editUrl = $"/suppliers/{supplier.Id}/edit";
        var form = await Html.ReadAsync(await manager.GetAsync(editUrl));
        var versionRead = Html.InputValue(form, "Input.Version")!;
        var otherName = ProcurementUi.Unique("Renamed");
        await _ui.RenameSupplierAsync(supplier, otherName);

        var myName = ProcurementUi.Unique("Mine");
        var response = await manager.SubmitFormAsync(editUrl, editUrl, new Dictionary<string, string>
        {
            ["Input.Version"] = versionRead,
            ["Input.Name"] = myName,
            ["Input.Currency"] = "EUR",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ReadAsync(response);
        Assert.Contains("changed by someone else", Html.Decode(page));
        Assert.True(Html.HasId(page, "reload"));
        Assert.Equal(myName, Html.InputValue(page, "Input.Name"));
        Assert.Equal(otherName, (await _ui.GetSupplierAsync(supplier.Id)).Name);
    }

    [Fact]
    public async Task A_manager_adds_an_item_to_a_supplier_by_its_sku_and_an_unknown_sku_is_refused_at_the_sku_field()
    {
        var sku = ProcurementUi.Unique("SKU");
        var item = await _ui.ItemAsync(sku);
        var supplier = await _ui.SupplierAsync(ProcurementUi.Unique("Seller"));
        using var manager = await _ui.SignInAsync(Roles.Manager);
        var addUrl = $"/suppliers/{supplier.Id}/items";

        var unknown = await Html.ReadAsync(await manager.SubmitFormAsync(addUrl, addUrl, new Dictionary<string, string>
        {
            ["Input.Sku"] = sku + "-NOPE",
            ["Input.UnitPrice"] = "4.5",
        }));
        var added = await manager.SubmitFormAsync(addUrl, addUrl, new Dictionary<string, string>
        {
            ["Input.Sku"] = sku.ToLowerInvariant(),
            ["Input.SupplierSku"] = "ACME-77",
            ["Input.UnitPrice"] = "4.5",
            ["Input.MinimumOrderQuantity"] = "12",
            ["Input.IsPreferred"] = "true",
        });

        Assert.Equal($"No active catalog item has SKU {sku}-NOPE.", Html.FieldError(unknown, "Input.Sku"));
        Assert.Equal("4.5", Html.InputValue(unknown, "Input.UnitPrice"));
        Assert.Equal($"/suppliers/{supplier.Id}", added.RequestMessage!.RequestUri!.AbsolutePath);
        var row = Html.Decode(Html.Row(await Html.ReadAsync(added), "supplier-items", item.Sku));
        Assert.Contains("ACME-77", row);
        Assert.Contains("4.50 EUR", row);
        Assert.Contains("Preferred", row);
        var stored = Assert.Single(await _ui.SupplierItemsAsync(supplier.Id));
        Assert.Equal((item.Id, 4.5m, 12m, true), (stored.ItemId, stored.UnitPrice, stored.MinimumOrderQuantity, stored.IsPreferred));
    }
}
