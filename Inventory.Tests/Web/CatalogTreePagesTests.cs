using System.Net;
using System.Text.RegularExpressions;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.Web;

/// <summary>The locations and categories pages.</summary>
[Collection(WebAppCollection.Name)]
public sealed class CatalogTreePagesTests(WebAppFixture fixture) : IDisposable
{
    private readonly CatalogUi _ui = new(fixture);

    public void Dispose() => _ui.Dispose();

    [Fact]
    public async Task A_manager_creates_a_bin_in_a_warehouse_and_the_list_shows_it_by_its_path()
    {
        var warehouse = await _ui.WarehouseAsync(CatalogUi.Unique("WH"));
        var bin = CatalogUi.Unique("BIN");
        using var manager = await _ui.SignInAsync(Roles.Manager);

        var created = await manager.SubmitFormAsync("/locations/edit", "/locations/edit", new Dictionary<string, string>
        {
            ["Input.Code"] = bin,
            ["Input.Name"] = "Shelf A",
            ["Input.Kind"] = "bin",
            ["Input.ParentId"] = warehouse.Id.ToString(),
        });

        Assert.Equal("/locations", created.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains($"Location {bin} created.", Html.Decode(await Html.ReadAsync(created)));
        var list = Html.Decode(await Html.ReadAsync(await manager.GetAsync($"/locations?search={bin}")));
        Assert.Contains($"{warehouse.Code} / {bin}", Row(list, "code", bin));
    }

    [Fact]
    public async Task Archiving_a_location_that_holds_stock_shows_the_catalogs_reason_and_a_taken_code_is_shown_at_its_field()
    {
        var warehouse = await _ui.WarehouseAsync(CatalogUi.Unique("WH"));
        var item = await _ui.ItemAsync(CatalogUi.Unique("HELD"));
        await _ui.ReceiveAsync(item.Id, warehouse.Id, 1);
        using var manager = await _ui.SignInAsync(Roles.Manager);

        var archive = await manager.SubmitFormAsync("/locations", $"/locations?handler=Archive&id={warehouse.Id}", new Dictionary<string, string>());
        var taken = await manager.SubmitFormAsync("/locations/edit", "/locations/edit", new Dictionary<string, string>
        {
            ["Input.Code"] = warehouse.Code.ToLowerInvariant(),
            ["Input.Name"] = "Duplicate",
            ["Input.Kind"] = "warehouse",
        });

        Assert.Contains("still have stock here", Html.Decode(await Html.ReadAsync(archive)));
        Assert.Contains("already exists", Html.FieldError(await Html.ReadAsync(taken), "Input.Code"));
        var list = Html.Decode(await Html.ReadAsync(await manager.GetAsync($"/locations?search={warehouse.Code}&archived=true")));
        Assert.DoesNotContain("data-field=\"archived\"", Row(list, "code", warehouse.Code));
    }

    [Fact]
    public async Task A_manager_creates_a_subcategory_and_archives_it_and_a_viewer_gets_no_manage_buttons()
    {
        var parent = await _ui.CategoryAsync(CatalogUi.Unique("Parent"));
        var name = CatalogUi.Unique("Child");
        using var manager = await _ui.SignInAsync(Roles.Manager);
        using var viewer = await _ui.SignInAsync(Roles.Viewer);

        var created = await manager.SubmitFormAsync("/categories/edit", "/categories/edit", new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.ParentId"] = parent.Id.ToString(),
        });
        var createdPage = Html.Decode(await Html.ReadAsync(created));
        var id = Regex.Match(Row(createdPage, "name", name), "categoryId=([0-9a-f-]{36})").Groups[1].Value;
        var archived = await manager.SubmitFormAsync("/categories", $"/categories?handler=Archive&id={id}", new Dictionary<string, string>());
        var viewerPage = await Html.ReadAsync(await viewer.GetAsync("/categories"));

        Assert.Contains($"Category {parent.Name} / {name} created.", createdPage);
        Assert.Contains($"Category {parent.Name} / {name} archived.", Html.Decode(await Html.ReadAsync(archived)));
        var all = Html.Decode(await Html.ReadAsync(await manager.GetAsync($"/categories?search={name}&archived=true")));
        Assert.Contains("data-field=\"archived\"", Row(all, "name", name));
        Assert.False(Html.HasId(viewerPage, "new-category"));
        Assert.DoesNotContain("handler=Archive", viewerPage);
        Assert.Equal("/access-denied", (await viewer.GetAsync("/categories/edit")).RequestMessage!.RequestUri!.AbsolutePath);
    }

    private static string Row(string html, string attribute, string value) =>
        Regex.Match(html, $"<tr data-{attribute}=\"{Regex.Escape(value)}\">(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;
}
