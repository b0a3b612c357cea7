using System.Net;
using System.Net.Http.Json;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.Service.Catalog;

/// <summary>
/// What the item list's bulk actions rest on: an archive at the version the list showed (409 once the item changed),
/// no change for an item already archived, and the item export limited to chosen ids; the trees' exports keep their lists' filters.
/// </summary>
[Collection(ServicesCollection.Name)]
public sealed class ItemArchiveAtVersionTests(ServicesFixture fixture) : IAsyncLifetime
{
    private readonly HttpClient _manager = fixture.Catalog.CreateClientAs(Roles.Manager, userId: "user-m");
    private readonly CatalogTestData _data = new(fixture, "user-m");

    public Task InitializeAsync() => _data.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<HttpResponseMessage> ArchiveAsync(Guid id, string version)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/items/{id}/archive?version={version}");
        request.Headers.Add(IdempotencyRules.HeaderName, Guid.NewGuid().ToString());
        return _manager.SendAsync(request);
    }

    [Fact]
    public async Task An_archive_at_an_old_version_is_refused_naming_the_version_and_at_the_current_one_archives_once()
    {
        var item = await _data.ItemAsync("ARCH-1");
        var renamed = await _manager.PutAsJsonAsync($"/api/items/{item.Id}", new
        {
            item.Sku, name = "Renamed", item.Unit, item.UnitCost, item.ReorderPoint, item.ReorderQuantity, version = item.Version,
        });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);

        var stale = await ArchiveAsync(item.Id, item.Version.ToString());
        var bad = await ArchiveAsync(item.Id, "first");
        var current = await ArchiveAsync(item.Id, (item.Version + 1).ToString());
        var again = await ArchiveAsync(item.Id, item.Version.ToString()); // already archived: no change, whatever it was shown at

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("\"version\"", await stale.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("\"version\"", await bad.Content.ReadAsStringAsync());
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (current.StatusCode, again.StatusCode));
        Assert.Equal(1L, await _data.ScalarAsync<long>(
            "SELECT count(*) FROM audit_entries WHERE entity_id = $1 AND action = 'archive'", item.Id));
    }

    [Fact]
    public async Task The_item_export_with_ids_holds_only_those_items_and_a_bad_id_is_a_400_naming_ids()
    {
        await _data.ItemAsync("EXP-A");
        var b = await _data.ItemAsync("EXP-B");

        var csv = await _manager.GetStringAsync($"/api/items/export?ids={b.Id}");
        var bad = await _manager.GetAsync("/api/items/export?ids=nope");

        Assert.Contains("\nEXP-B,", csv);
        Assert.DoesNotContain("EXP-A", csv);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("\"ids\"", await bad.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_locations_export_holds_what_the_search_selects_and_archived_ones_only_when_asked()
    {
        var kept = await _data.WarehouseAsync("TREE-KEPT");
        var gone = await _data.WarehouseAsync("TREE-GONE");
        await _data.WarehouseAsync("OTHER-1");
        var archive = new HttpRequestMessage(HttpMethod.Post, $"/api/locations/{gone.Id}/archive");
        archive.Headers.Add(IdempotencyRules.HeaderName, Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.OK, (await _manager.SendAsync(archive)).StatusCode);

        var active = await _manager.GetStringAsync("/api/locations/export?search=TREE");
        var all = await _manager.GetStringAsync("/api/locations/export?search=TREE&includeArchived=true");

        Assert.Equal(["code,name,kind,path,parentCode,allowsNegative,isArchived", $"{kept.Code},{kept.Name},warehouse,{kept.Code},,false,false"],
            active.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')));
        Assert.Contains($"\n{gone.Code},{gone.Name},warehouse,{gone.Code},,false,true", all);
        Assert.DoesNotContain("OTHER-1", all);
    }
}
