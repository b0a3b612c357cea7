using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.Web;

/// <summary>"Export these locations / categories": the CSV holds exactly what the list's search and "include archived" select.</summary>
[Collection(WebAppCollection.Name)]
public sealed class TreeExportPagesTests(WebAppFixture fixture) : IDisposable
{
    private readonly CatalogUi _ui = new(fixture);

    public void Dispose() => _ui.Dispose();

    [Fact]
    public async Task The_locations_export_link_carries_the_search_and_the_csv_holds_only_the_matching_locations()
    {
        var prefix = CatalogUi.Unique("EXPLOC");
        var warehouse = await _ui.WarehouseAsync($"{prefix}-WH");
        var bin = await _ui.BinAsync($"{prefix}-B1", warehouse.Id);
        var other = await _ui.WarehouseAsync(CatalogUi.Unique("ELSEWHERE"));
        using var viewer = await _ui.SignInAsync(Roles.Viewer);

        var list = await Html.ReadAsync(await viewer.GetAsync($"/locations?search={prefix}"));
        var link = Html.Decode(System.Text.RegularExpressions.Regex.Match(list, "href=\"([^\"]*)\"[^>]*id=\"export-locations\"").Groups[1].Value);
        var csv = await (await viewer.GetAsync($"/locations?search={prefix}&handler=Export")).Content.ReadAsStringAsync();

        Assert.True(link.Length > 0, list.Length > 3000 ? list[..3000] : list);
        Assert.Contains($"search={prefix}", link);
        Assert.Contains("handler=Export", link);
        var lines = csv.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal("code,name,kind,path,parentCode,allowsNegative,isArchived", lines[0]);
        Assert.Equal([$"{warehouse.Code},Warehouse {warehouse.Code},warehouse,{warehouse.Code},,false,false",
            $"{bin.Code},Bin {bin.Code},bin,{warehouse.Code} / {bin.Code},{warehouse.Code},false,false"], lines.Skip(1));
        Assert.DoesNotContain(other.Code, csv);
    }

    [Fact]
    public async Task The_categories_export_leaves_out_archived_categories_unless_the_list_includes_them()
    {
        var prefix = CatalogUi.Unique("EXPCAT");
        var kept = await _ui.CategoryAsync($"{prefix} kept");
        var archived = await _ui.CategoryAsync($"{prefix} gone");
        using var manager = await _ui.SignInAsync(Roles.Manager);
        var list = await Html.ReadAsync(await manager.GetAsync($"/categories?search={Uri.EscapeDataString(prefix)}"));
        await manager.SubmitFormAsync($"/categories?search={Uri.EscapeDataString(prefix)}", $"/categories?handler=Archive&id={archived.Id}",
            new Dictionary<string, string> { ["IdempotencyKey"] = Guid.NewGuid().ToString() });

        var active = await (await manager.GetAsync($"/categories?search={Uri.EscapeDataString(prefix)}&handler=Export")).Content.ReadAsStringAsync();
        var all = await (await manager.GetAsync($"/categories?search={Uri.EscapeDataString(prefix)}&archived=true&handler=Export")).Content.ReadAsStringAsync();

        Assert.True(Html.HasId(list, "export-categories"));
        Assert.Contains($"\n{kept.Name},{kept.Name},,false", active);
        Assert.DoesNotContain(archived.Name, active);
        Assert.Contains($"\n{archived.Name},{archived.Name},,true", all);
        Assert.Contains(kept.Name, all);
    }
}
