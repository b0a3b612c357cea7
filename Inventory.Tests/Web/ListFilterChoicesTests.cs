using System.Text.RegularExpressions;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.Web;

/// <summary>
/// The item and movement lists' filter pickers name only the chosen entry (the picker loads the rest when focused),
/// so a list render does not fetch every category and location; without script a note points to the pages that list them.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed partial class ListFilterChoicesTests(WebAppFixture fixture) : IDisposable
{
    private readonly CatalogUi _ui = new(fixture);

    public void Dispose() => _ui.Dispose();

    [Fact]
    public async Task The_item_list_renders_only_the_chosen_category_and_location_and_marks_its_pickers_to_preload()
    {
        var chosen = await _ui.CategoryAsync(CatalogUi.Unique("Chosen"));
        var other = await _ui.CategoryAsync(CatalogUi.Unique("Other"));
        var warehouse = await _ui.WarehouseAsync(CatalogUi.Unique("WH"));
        using var viewer = await _ui.SignInAsync(Roles.Viewer);

        var unfiltered = await Html.ReadAsync(await viewer.GetAsync("/inventory"));
        var filtered = await Html.ReadAsync(await viewer.GetAsync($"/inventory?categoryId={chosen.Id}&locationId={warehouse.Id}"));

        Assert.Equal([""], Options(unfiltered, "categoryId"));
        Assert.Equal([""], Options(unfiltered, "locationId"));
        Assert.Equal(["", chosen.Id.ToString()], Options(filtered, "categoryId"));
        Assert.Equal(["", warehouse.Id.ToString()], Options(filtered, "locationId"));
        Assert.DoesNotContain(other.Id.ToString(), filtered);
        Assert.Matches("<select[^>]*id=\"categoryId\"[^>]*data-picker-preload", unfiltered);
        // Without script: the notes point to the pages whose entries link to the filtered list.
        Assert.Matches("(?s)<noscript>[^<]*<div[^>]*>[^<]*<a href=\"/categories\"", unfiltered);
        Assert.Matches("(?s)<noscript>[^<]*<div[^>]*>[^<]*<a href=\"/locations\"", unfiltered);
    }

    [Fact]
    public async Task The_movement_list_renders_only_the_chosen_location()
    {
        var chosen = await _ui.WarehouseAsync(CatalogUi.Unique("WH"));
        var other = await _ui.WarehouseAsync(CatalogUi.Unique("WH"));
        using var viewer = await _ui.SignInAsync(Roles.Viewer);

        var page = await Html.ReadAsync(await viewer.GetAsync($"/movements?locationId={chosen.Id}"));

        Assert.Equal(["", chosen.Id.ToString()], Options(page, "LocationId"));
        Assert.DoesNotContain(other.Id.ToString(), page);
        Assert.Matches("<select[^>]*data-picker-preload", page);
    }

    private static List<string> Options(string html, string selectId)
    {
        var select = Regex.Match(html, $"<select[^>]*id=\"{selectId}\"[^>]*>(.*?)</select>", RegexOptions.Singleline);
        Assert.True(select.Success, $"no select #{selectId}");
        return OptionValue().Matches(select.Groups[1].Value).Select(m => m.Groups[1].Value).ToList();
    }

    [GeneratedRegex("<option[^>]*value=\"([^\"]*)\"")]
    private static partial Regex OptionValue();
}
