using System.Net;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.Web;

/// <summary>The item pages (list, new, details, edit), as a signed-in person with a browser's cookies and forms.</summary>
[Collection(WebAppCollection.Name)]
public sealed class CatalogItemPagesTests(WebAppFixture fixture) : IDisposable
{
    private readonly CatalogUi _ui = new(fixture);

    public void Dispose() => _ui.Dispose();

    [Fact]
    public async Task A_manager_creates_an_item_with_the_form_and_sees_it_on_its_page_and_in_the_list()
    {
        var sku = CatalogUi.Unique("CAT");
        var category = await _ui.CategoryAsync(CatalogUi.Unique("Tools"));
        using var manager = await _ui.SignInAsync(Roles.Manager);

        var created = await manager.SubmitFormAsync("/inventory/new", "/inventory/new", new Dictionary<string, string>
        {
            ["Input.Sku"] = sku,
            ["Input.Name"] = "Torque wrench",
            ["Input.Unit"] = "each",
            ["Input.UnitCost"] = "12.5",
            ["Input.ReorderPoint"] = "2",
            ["Input.CategoryId"] = category.Id.ToString(),
        });

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var path = created.RequestMessage!.RequestUri!.AbsolutePath;
        var stored = Assert.Single(await _ui.FindItemsAsync(sku));
        Assert.Equal($"/inventory/{stored.Id}", path);
        Assert.Equal(("Torque wrench", 12.5m, 2m, category.Id), (stored.Name, stored.UnitCost, stored.ReorderPoint, stored.CategoryId));
        var page = Html.Decode(await Html.ReadAsync(created));
        Assert.Contains($"Item {sku} created.", page);
        Assert.Contains(category.Path, page);
        Assert.All(new[] { "edit-item", "archive", "receive-form", "adjust-form", "issue-form", "transfer-form" }, id => Assert.True(Html.HasId(page, id), id));
        var list = await Html.ReadAsync(await manager.GetAsync($"/inventory?search={sku}"));
        var row = Html.Row(list, "items", sku);
        Assert.Contains($"href=\"{path}\"", row);
        Assert.Equal("0", Html.Cell(row, "onHand"));
        Assert.True(Html.HasId(list, "new-item"));
    }

    [Fact]
    public async Task The_item_list_filters_by_category_and_low_stock_and_sorts_by_on_hand()
    {
        var category = await _ui.CategoryAsync(CatalogUi.Unique("Filter"));
        var warehouse = await _ui.WarehouseAsync(CatalogUi.Unique("WH"));
        var few = await _ui.ItemAsync(CatalogUi.Unique("FEW"), categoryId: category.Id, reorderPoint: 3);
        var many = await _ui.ItemAsync(CatalogUi.Unique("MANY"), categoryId: category.Id);
        var elsewhere = await _ui.ItemAsync(CatalogUi.Unique("ELSE"));
        await _ui.ReceiveAsync(few.Id, warehouse.Id, 1);
        await _ui.ReceiveAsync(many.Id, warehouse.Id, 9);
        using var viewer = await _ui.SignInAsync(Roles.Viewer);

        var byOnHand = await Html.ReadAsync(await viewer.GetAsync($"/inventory?categoryId={category.Id}&sort=onHand&dir=desc"));
        var lowOnly = await Html.ReadAsync(await viewer.GetAsync($"/inventory?locationId={warehouse.Id}&lowStock=true"));

        Assert.True(byOnHand.IndexOf(many.Sku, StringComparison.Ordinal) is var m and >= 0 && byOnHand.IndexOf(few.Sku, StringComparison.Ordinal) > m,
            "on hand descending: MANY before FEW");
        Assert.DoesNotContain(elsewhere.Sku, byOnHand);
        Assert.Contains(few.Sku, lowOnly); // 1 on hand, reorder point 3
        Assert.DoesNotContain(many.Sku, lowOnly);
        Assert.False(Html.HasId(byOnHand, "new-item"));
    }

    [Fact]
    public async Task An_invalid_item_form_shows_the_error_next_to_its_field_and_keeps_the_input()
    {
        var name = CatalogUi.Unique("Nameless");
        using var manager = await _ui.SignInAsync(Roles.Manager);

        var response = await manager.SubmitFormAsync("/inventory/new", "/inventory/new", new Dictionary<string, string>
        {
            ["Input.Sku"] = "has spaces!",
            ["Input.Name"] = name,
            ["Input.Unit"] = "each",
            ["Input.UnitCost"] = "-3",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/inventory/new", response.RequestMessage!.RequestUri!.AbsolutePath);
        var page = await Html.ReadAsync(response);
        Assert.Equal("SKU may contain only letters, digits and . _ - /", Html.FieldError(page, "Input.Sku"));
        Assert.Equal("Must be zero or more.", Html.FieldError(page, "Input.UnitCost"));
        Assert.Equal("", Html.FieldError(page, "Input.Name"));
        Assert.Equal("has spaces!", Html.InputValue(page, "Input.Sku"));
        Assert.Equal(name, Html.InputValue(page, "Input.Name"));
        Assert.Equal("-3", Html.InputValue(page, "Input.UnitCost"));
        Assert.Empty(await _ui.FindItemsAsync(name));
    }

    [Fact]
    public async Task Saving_an_item_someone_else_changed_meanwhile_says_so_keeps_the_input_and_saves_nothing()
    {
        var item = await _ui.ItemAsync(CatalogUi.Unique("STALE"));
        using var manager = await _ui.SignInAsync(Roles.Manager);
        var editUrl = $"/inventory/{item.Id}/edit";
        var form = await Html.ReadAsync(await manager.GetAsync(editUrl));
        var versionRead = Html.InputValue(form, "Input.Version")!;
        await _ui.RenameItemAsync(await _ui.GetItemAsync(item.Id), "Renamed by someone else");

        var response = await manager.SubmitFormAsync(editUrl, editUrl, new Dictionary<string, string>
        {
            ["Input.Version"] = versionRead,
            ["Input.Sku"] = item.Sku,
            ["Input.Name"] = "My name",
            ["Input.Unit"] = "each",
            ["Input.UnitCost"] = "1",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ReadAsync(response);
        Assert.Contains("changed by someone else", Html.Decode(page));
        Assert.True(Html.HasId(page, "reload"));
        Assert.Equal("My name", Html.InputValue(page, "Input.Name"));
        Assert.Equal("Renamed by someone else", (await _ui.GetItemAsync(item.Id)).Name);
    }

    [Fact]
    public async Task A_manager_edits_and_archives_an_item_and_the_page_shows_the_history()
    {
        var item = await _ui.ItemAsync(CatalogUi.Unique("EDIT"));
        using var manager = await _ui.SignInAsync(Roles.Manager);
        var editUrl = $"/inventory/{item.Id}/edit";
        var form = await Html.ReadAsync(await manager.GetAsync(editUrl));

        var saved = await manager.SubmitFormAsync(editUrl, editUrl, new Dictionary<string, string>
        {
            ["Input.Version"] = Html.InputValue(form, "Input.Version")!,
            ["Input.Sku"] = item.Sku,
            ["Input.Name"] = "Better name",
            ["Input.Unit"] = "each",
            ["Input.UnitCost"] = "4",
        });
        var archived = await manager.SubmitFormAsync($"/inventory/{item.Id}", $"/inventory/{item.Id}?handler=Archive", new Dictionary<string, string>());

        Assert.Equal($"/inventory/{item.Id}", saved.RequestMessage!.RequestUri!.AbsolutePath);
        var page = Html.Decode(await Html.ReadAsync(archived));
        Assert.Contains($"Item {item.Sku} archived.", page);
        Assert.True(Html.HasId(page, "archived-badge"));
        Assert.True(Html.HasId(page, "unarchive"));
        Assert.Contains($"name: Item {item.Sku} → Better name", page);
        var stored = await _ui.GetItemAsync(item.Id);
        Assert.True(stored.IsArchived);
        Assert.Equal(("Better name", 4m), (stored.Name, stored.UnitCost));
    }

    [Fact]
    public async Task A_viewer_sees_no_change_buttons_and_a_manage_or_stock_form_posted_anyway_changes_nothing()
    {
        var item = await _ui.ItemAsync(CatalogUi.Unique("VIEW"));
        var warehouse = await _ui.WarehouseAsync(CatalogUi.Unique("WH"));
        await _ui.ReceiveAsync(item.Id, warehouse.Id, 5);
        using var viewer = await _ui.SignInAsync(Roles.Viewer);
        var url = $"/inventory/{item.Id}";

        var page = await Html.ReadAsync(await viewer.GetAsync(url));
        var archive = await viewer.SubmitFormAsync(url, $"{url}?handler=Archive", new Dictionary<string, string>());
        var issue = await viewer.SubmitFormAsync(url, $"{url}?handler=Issue", new Dictionary<string, string>
        {
            ["Issue.LocationId"] = warehouse.Id.ToString(),
            ["Issue.Quantity"] = "2",
            ["Issue.IdempotencyKey"] = Guid.NewGuid().ToString(),
        });
        var edit = await viewer.GetAsync($"{url}/edit");

        Assert.All(new[] { "edit-item", "archive", "unarchive", "receive-form", "issue-form", "adjust-form", "transfer-form" },
            id => Assert.False(Html.HasId(page, id), id));
        Assert.Equal(HttpStatusCode.Forbidden, archive.StatusCode);
        Assert.Contains("Not allowed", Html.Decode(await Html.ReadAsync(archive)));
        Assert.Equal(HttpStatusCode.Forbidden, issue.StatusCode);
        Assert.Equal("/access-denied", edit.RequestMessage!.RequestUri!.AbsolutePath);
        var stored = await _ui.GetItemAsync(item.Id);
        Assert.False(stored.IsArchived);
        Assert.Equal(5m, stored.OnHand);
    }
}
