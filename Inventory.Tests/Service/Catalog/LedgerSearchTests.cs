using System.Net;
using System.Net.Http.Json;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.Service.Catalog;

/// <summary>The ledger as people search it: filters that combine, a location with its bins, keyset pages, and an export of exactly what is filtered.</summary>
[Collection(ServicesCollection.Name)]
public sealed class LedgerSearchTests(ServicesFixture fixture) : IAsyncLifetime
{
    private readonly HttpClient _manager = fixture.Catalog.CreateClientAs(Roles.Manager);
    private readonly HttpClient _clerk = fixture.Catalog.CreateClientAs(Roles.Clerk, userId: "clerk-1");
    private readonly CatalogTestData _data = new(fixture);

    public Task InitializeAsync() => _data.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<List<LedgerRow>> AllAsync(string query, int pageSize = 2)
    {
        var rows = new List<LedgerRow>();
        string? cursor = null;
        do
        {
            var page = (await _manager.GetFromJsonAsync<Page<LedgerRow>>($"/api/movements?{query}&pageSize={pageSize}" + (cursor is null ? "" : $"&after={cursor}")))!;
            rows.AddRange(page.Items);
            cursor = page.NextCursor;
        } while (cursor is not null);
        return rows;
    }

    [Fact]
    public async Task Filters_combine_a_location_includes_its_bins_and_pages_hold_every_row_once_newest_first()
    {
        var wh = await _data.WarehouseAsync("L-WH");
        var bin = await _data.BinAsync("L-B1", wh.Id);
        var other = await _data.WarehouseAsync("L-OTHER");
        var bolt = await _data.ItemAsync("L-BOLT");
        var nut = await _data.ItemAsync("L-NUT");
        await _data.ReceiveAsync(bolt.Id, bin.Id, 10, reference: "PO-0001");
        await _data.ReceiveAsync(bolt.Id, wh.Id, 5, reference: "PO-0002");
        await _data.ReceiveAsync(nut.Id, other.Id, 7, reference: "PO-0001");
        (await _clerk.PostAsJsonAsync("/api/movements/issues", new { itemId = bolt.Id, locationId = bin.Id, quantity = 3, reference = "SO-77" })).EnsureSuccessStatusCode();

        var inWarehouse = await AllAsync($"locationId={wh.Id}");
        var byClerk = await AllAsync("userId=clerk-1");
        var po1 = await AllAsync("reference=po-0001");
        var boltReceipts = await AllAsync($"itemId={bolt.Id}&type=receipt");
        var none = await AllAsync($"from={DateTimeOffset.UtcNow.AddDays(1):yyyy-MM-dd}");

        Assert.Equal([-3m, 5m, 10m], inWarehouse.Select(r => r.Quantity));
        Assert.Equal(inWarehouse.OrderByDescending(r => r.OccurredAt).ThenByDescending(r => r.Seq).Select(r => r.Id), inWarehouse.Select(r => r.Id));
        Assert.Equal(("L-BOLT", "L-B1", "each"), (inWarehouse[0].Sku, inWarehouse[0].LocationCode, inWarehouse[0].Unit));
        Assert.Equal(["SO-77"], byClerk.Select(r => r.Reference));
        Assert.Equal(["L-NUT", "L-BOLT"], po1.Select(r => r.Sku));
        Assert.Equal([5m, 10m], boltReceipts.Select(r => r.Quantity));
        Assert.Empty(none);
    }

    [Fact]
    public async Task The_export_holds_exactly_the_filtered_rows_with_words_a_spreadsheet_cannot_run()
    {
        var wh = await _data.WarehouseAsync("E-WH");
        var item = await _data.ItemAsync("E-1", name: "=cmd()");
        await _data.ReceiveAsync(item.Id, wh.Id, 4, reference: "keep");
        await _data.ReceiveAsync(item.Id, wh.Id, 1, reference: "other");

        var csv = await _manager.GetStringAsync($"/api/movements/export?itemId={item.Id}&reference=keep");
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

        Assert.Equal(string.Join(',', Inventory.CatalogService.Apis.MovementsCsvApi.Columns), lines[0]);
        var row = Assert.Single(lines[1..]);
        Assert.True(row.Contains(",receipt,E-1,'=cmd(),E-WH,E-WH,4,each,4,,keep,,manager-1,,,", StringComparison.Ordinal), row);
    }

    [Theory]
    [InlineData("locationId=somewhere", "locationId")]
    [InlineData("type=theft", "type")]
    [InlineData("from=2026-02-01&to=2026-01-01", "to")]
    [InlineData("reference=%00", "reference")]
    public async Task A_bad_filter_is_a_400_naming_it_in_the_list_and_the_export(string query, string field)
    {
        var list = await _manager.GetAsync($"/api/movements?{query}");
        var export = await _manager.GetAsync($"/api/movements/export?{query}");

        Assert.Contains(field, (await list.AssertProblemAsync(HttpStatusCode.BadRequest)).Keys);
        Assert.Contains(field, (await export.AssertProblemAsync(HttpStatusCode.BadRequest)).Keys);
    }

    /// <summary>A row of the list as the wire carries it (the movement's fields and its item's and location's).</summary>
    private sealed record LedgerRow(Guid Id, long Seq, decimal Quantity, DateTimeOffset OccurredAt, string? Reference, string Sku, string LocationCode, string Unit);
}
