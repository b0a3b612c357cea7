using System.Net;
using System.Net.Http.Json;
using Inventory.CatalogService.Categories;
using Inventory.CatalogService.Items;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.Service.Catalog;

[Collection(ServicesCollection.Name)]
public sealed class CategoriesApiTests(ServicesFixture fixture) : IAsyncLifetime
{
    private readonly HttpClient _client = fixture.Catalog.CreateClientAs(Roles.Manager);
    private readonly CatalogTestData _data = new(fixture);

    public Task InitializeAsync() => _data.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Categories_form_a_tree_and_lists_show_each_path()
    {
        var hardware = await _data.CategoryAsync("Hardware");
        var fasteners = await _data.CategoryAsync("Fasteners", hardware.Id);
        await _data.CategoryAsync("Bolts", fasteners.Id);

        var page = (await _client.GetFromJsonAsync<Page<CategoryDto>>("/api/categories"))!;

        Assert.Equal(["Hardware", "Hardware / Fasteners", "Hardware / Fasteners / Bolts"], page.Items.Select(c => c.Path));
        Assert.Equal([1, 2, 3], page.Items.Select(c => c.Depth));
    }

    [Fact]
    public async Task Moving_or_renaming_a_category_updates_the_paths_of_its_descendants()
    {
        var hardware = await _data.CategoryAsync("Hardware");
        var tools = await _data.CategoryAsync("Tools");
        var fasteners = await _data.CategoryAsync("Fasteners", hardware.Id);
        var bolts = await _data.CategoryAsync("Bolts", fasteners.Id);

        var moved = await (await _client.PutAsJsonAsync($"/api/categories/{fasteners.Id}",
            new { name = "Fixings", parentId = tools.Id, version = fasteners.Version })).ReadAsync<CategoryDto>();

        Assert.Equal("Tools / Fixings", moved.Path);
        Assert.Equal(fasteners.Version + 1, moved.Version);
        var child = (await _client.GetFromJsonAsync<CategoryDto>($"/api/categories/{bolts.Id}"))!;
        Assert.Equal("Tools / Fixings / Bolts", child.Path);
    }

    [Fact]
    public async Task Filtering_items_by_a_category_includes_its_descendants_only()
    {
        var hardware = await _data.CategoryAsync("Hardware");
        var bolts = await _data.CategoryAsync("Bolts", hardware.Id);
        var tools = await _data.CategoryAsync("Tools");
        await _data.ItemAsync("H-1", categoryId: hardware.Id);
        await _data.ItemAsync("B-1", categoryId: bolts.Id);
        await _data.ItemAsync("T-1", categoryId: tools.Id);
        await _data.ItemAsync("N-1");

        var underHardware = (await _client.GetFromJsonAsync<Page<ItemDto>>($"/api/items?categoryId={hardware.Id}"))!;
        var underBolts = (await _client.GetFromJsonAsync<Page<ItemDto>>($"/api/items?categoryId={bolts.Id}"))!;

        Assert.Equal(["B-1", "H-1"], underHardware.Items.Select(i => i.Sku));
        Assert.Equal(["B-1"], underBolts.Items.Select(i => i.Sku));
        Assert.Equal("Hardware / Bolts", underBolts.Items[0].CategoryPath);
    }

    [Fact]
    public async Task A_category_cannot_be_moved_under_itself_or_a_descendant()
    {
        var a = await _data.CategoryAsync("A");
        var b = await _data.CategoryAsync("B", a.Id);
        var c = await _data.CategoryAsync("C", b.Id);

        var underDescendant = await _client.PutAsJsonAsync($"/api/categories/{a.Id}", new { name = "A", parentId = c.Id, version = a.Version });
        var underItself = await _client.PutAsJsonAsync($"/api/categories/{a.Id}", new { name = "A", parentId = a.Id, version = a.Version });

        Assert.Contains("parentId", (await underDescendant.AssertProblemAsync(HttpStatusCode.Conflict)).Keys);
        Assert.Contains("parentId", (await underItself.AssertProblemAsync(HttpStatusCode.Conflict)).Keys);
        Assert.Null((await _client.GetFromJsonAsync<CategoryDto>($"/api/categories/{a.Id}"))!.ParentId);
    }

    [Fact]
    public async Task Sibling_names_are_unique_regardless_of_case_but_may_repeat_elsewhere()
    {
        var a = await _data.CategoryAsync("A");
        var b = await _data.CategoryAsync("B");
        await _data.CategoryAsync("Misc", a.Id);
        await _data.CategoryAsync("Misc", b.Id);

        var duplicate = await _client.PostAsJsonAsync("/api/categories", new { name = "MISC", parentId = a.Id });
        var duplicateRoot = await _client.PostAsJsonAsync("/api/categories", new { name = "a" });

        Assert.Contains("name", (await duplicate.AssertProblemAsync(HttpStatusCode.Conflict)).Keys);
        Assert.Contains("name", (await duplicateRoot.AssertProblemAsync(HttpStatusCode.Conflict)).Keys);
    }

    [Fact]
    public async Task A_stale_version_is_refused_with_409_and_changes_nothing()
    {
        var a = await _data.CategoryAsync("A");
        (await _client.PutAsJsonAsync($"/api/categories/{a.Id}", new { name = "A2", version = a.Version })).EnsureSuccessStatusCode();

        var stale = await _client.PutAsJsonAsync($"/api/categories/{a.Id}", new { name = "A3", version = a.Version });

        Assert.Contains("version", (await stale.AssertProblemAsync(HttpStatusCode.Conflict)).Keys);
        Assert.Equal("A2", (await _client.GetFromJsonAsync<CategoryDto>($"/api/categories/{a.Id}"))!.Name);
    }

    [Fact]
    public async Task Archived_categories_are_hidden_unless_asked_for_and_a_parent_with_active_children_cannot_be_archived()
    {
        var a = await _data.CategoryAsync("A");
        var b = await _data.CategoryAsync("B", a.Id);

        var refused = await _client.PostAsync($"/api/categories/{a.Id}/archive", null);
        Assert.Contains("id", (await refused.AssertProblemAsync(HttpStatusCode.Conflict)).Keys);
        (await _client.PostAsync($"/api/categories/{b.Id}/archive", null)).EnsureSuccessStatusCode();

        var active = (await _client.GetFromJsonAsync<Page<CategoryDto>>("/api/categories"))!;
        var all = (await _client.GetFromJsonAsync<Page<CategoryDto>>("/api/categories?includeArchived=true"))!;
        Assert.Equal(["A"], active.Items.Select(c => c.Path));
        Assert.Equal(2, all.Items.Count);
        var assign = await _client.PostAsJsonAsync("/api/items", new { sku = "X", name = "x", unit = "each", categoryId = b.Id });
        Assert.Contains("categoryId", (await assign.AssertProblemAsync(HttpStatusCode.Conflict)).Keys);
    }

    [Theory]
    [InlineData("""{"name":""}""", "name", HttpStatusCode.BadRequest)]
    [InlineData("""{"name":"a / b"}""", "name", HttpStatusCode.BadRequest)]
    [InlineData("""{"name":"x","parentId":"00000000-0000-0000-0000-000000000000"}""", "parentId", HttpStatusCode.BadRequest)]
    [InlineData("""{"name":"x","parentId":"nope"}""", "parentId", HttpStatusCode.BadRequest)]
    [InlineData("""{"name":"x","parentId":"6f0d7c1e-8a59-4a57-9a36-3f2d0f4b2a11"}""", "parentId", HttpStatusCode.UnprocessableEntity)]
    public async Task Bad_category_requests_name_the_field(string json, string field, HttpStatusCode status)
    {
        var response = await _client.PostAsync("/api/categories", CatalogTestData.JsonBody(json));

        Assert.Contains(field, (await response.AssertProblemAsync(status)).Keys);
    }

    [Fact]
    public async Task Category_list_pages_with_a_cursor()
    {
        foreach (var name in new[] { "E", "D", "C", "B", "A" })
            await _data.CategoryAsync(name);

        var first = (await _client.GetFromJsonAsync<Page<CategoryDto>>("/api/categories?pageSize=3"))!;
        var second = (await _client.GetFromJsonAsync<Page<CategoryDto>>($"/api/categories?pageSize=3&after={first.NextCursor}"))!;

        Assert.Equal(["A", "B", "C"], first.Items.Select(c => c.Name));
        Assert.Equal(["D", "E"], second.Items.Select(c => c.Name));
        Assert.Null(second.NextCursor);
    }
}
