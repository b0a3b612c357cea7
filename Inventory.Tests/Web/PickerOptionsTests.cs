using System.Net;
using System.Text.Json;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.Web;

/// <summary>The JSON a searchable picker loads as the user types (<c>/pickers/{kind}</c>): signed-in only, the search term and the limit honoured.</summary>
[Collection(WebAppCollection.Name)]
public sealed class PickerOptionsTests(WebAppFixture fixture) : IDisposable
{
    private readonly CatalogUi _ui = new(fixture);

    public void Dispose() => _ui.Dispose();

    [Fact]
    public async Task Picker_options_need_a_signed_in_user()
    {
        using var anonymous = new BrowserSession(fixture.Address);

        var response = await anonymous.GetAsync("/pickers/locations?q=A", follow: false);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login", new Uri(fixture.Address, response.Headers.Location!).AbsolutePath);
    }

    [Fact]
    public async Task Location_options_match_the_search_term_and_stop_at_the_limit()
    {
        var prefix = CatalogUi.Unique("PICK");
        var warehouse = await _ui.WarehouseAsync($"{prefix}-1");
        await _ui.WarehouseAsync($"{prefix}-2");
        await _ui.WarehouseAsync($"{prefix}-3");
        await _ui.WarehouseAsync(CatalogUi.Unique("OTHER"));
        using var viewer = await _ui.SignInAsync(Roles.Viewer);

        var all = await OptionsAsync(viewer, $"/pickers/locations?q={prefix}&limit=50");
        var two = await OptionsAsync(viewer, $"/pickers/locations?q={prefix}&limit=2");
        var one = await OptionsAsync(viewer, $"/pickers/locations?q={warehouse.Code}");

        Assert.Equal(3, all.Count);
        Assert.All(all, o => Assert.Contains(prefix, o.GetProperty("text").GetString(), StringComparison.Ordinal));
        Assert.Equal(2, two.Count);
        var found = Assert.Single(one);
        Assert.Equal(warehouse.Id.ToString(), found.GetProperty("value").GetString());
        Assert.Equal(warehouse.Code, found.GetProperty("codes")[0].GetString());
    }

    [Fact]
    public async Task Item_options_find_an_item_by_its_sku_and_name_it_with_its_sku()
    {
        var item = await _ui.ItemAsync(CatalogUi.Unique("PICKITEM"));
        using var viewer = await _ui.SignInAsync(Roles.Viewer);

        var options = await OptionsAsync(viewer, $"/pickers/items?q={item.Sku}&limit=5");

        var found = Assert.Single(options);
        Assert.Equal($"{item.Sku} · {item.Name}", found.GetProperty("text").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync("/pickers/planets?q=x", follow: false)).StatusCode);
    }

    private static async Task<IReadOnlyList<JsonElement>> OptionsAsync(BrowserSession session, string url)
    {
        var response = await session.GetAsync(url, follow: false);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return [.. JsonDocument.Parse(body).RootElement.GetProperty("options").EnumerateArray()];
    }
}
