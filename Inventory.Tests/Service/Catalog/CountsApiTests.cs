using System.Net;
using System.Net.Http.Json;
using Inventory.CatalogService.Counts;
using Inventory.CatalogService.Items;
using Inventory.CatalogService.Locations;
using Inventory.CatalogService.Stock;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.Service.Catalog;

[Collection(ServicesCollection.Name)]
public sealed class CountsApiTests(ServicesFixture fixture) : IAsyncLifetime
{
    private readonly HttpClient _manager = fixture.Catalog.CreateClientAs(Roles.Manager, userId: "manager-3");
    private readonly CatalogTestData _data = new(fixture, "manager-3");
    private readonly HttpClient _clerk = fixture.Catalog.CreateClientAs(Roles.Clerk, userId: "clerk-5");
    private LocationDto _bin = null!;
    private ItemDto _bolts = null!;
    private ItemDto _nuts = null!;

    public async Task InitializeAsync()
    {
        await _data.ResetAsync();
        var wh = await _data.WarehouseAsync("WH1");
        _bin = await _data.BinAsync("A-01", wh.Id);
        _bolts = await _data.ItemAsync("BOLT");
        _nuts = await _data.ItemAsync("NUT");
        await _data.ReceiveAsync(_bolts.Id, _bin.Id, 10);
        await _data.ReceiveAsync(_nuts.Id, _bin.Id, 4);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<CountSessionDto> OpenAsync(object body, HttpClient? client = null) =>
        await (await (client ?? _clerk).PostAsJsonAsync("/api/counts", body)).ReadAsync<CountSessionDto>(HttpStatusCode.Created);

    private async Task<CountSessionDto> RecordAsync(Guid countId, params (Guid ItemId, decimal Counted)[] lines) =>
        await (await _clerk.PutAsJsonAsync($"/api/counts/{countId}/lines",
            new { lines = lines.Select(l => new { itemId = l.ItemId, countedQuantity = l.Counted }) })).ReadAsync<CountSessionDto>();

    [Fact]
    public async Task A_posted_count_books_the_variances_as_count_movements_by_the_poster()
    {
        var count = await OpenAsync(new { locationId = _bin.Id });
        Assert.Equal([(_bolts.Id, 10m), (_nuts.Id, 4m)], count.Lines.Select(l => (l.ItemId, l.SnapshotQuantity!.Value)));
        await RecordAsync(count.Id, (_bolts.Id, 8), (_nuts.Id, 4));

        var posted = await (await _manager.PostAsync($"/api/counts/{count.Id}/post", null)).ReadAsync<CountSessionDto>();

        Assert.Equal(CountStatuses.Posted, posted.Status);
        Assert.Equal([-2m, 0m], posted.Lines.Select(l => l.Variance!.Value));
        Assert.Equal(8, await _data.OnHandAsync(_bolts.Id, _bin.Id));
        Assert.Equal(4, await _data.OnHandAsync(_nuts.Id, _bin.Id));
        var movements = (await _manager.GetFromJsonAsync<Page<MovementDto>>("/api/movements?type=count"))!;
        var movement = Assert.Single(movements.Items); // no movement for a zero variance
        Assert.Equal((-2m, "manager-3", count.Id), (movement.Quantity, movement.UserId, movement.CountSessionId!.Value));
    }

    [Fact]
    public async Task Movements_during_the_count_are_respected_not_overwritten()
    {
        var count = await OpenAsync(new { locationId = _bin.Id, itemIds = new[] { _bolts.Id } });
        (await _clerk.PostAsJsonAsync("/api/movements/issues", new { itemId = _bolts.Id, locationId = _bin.Id, quantity = 3 })).EnsureSuccessStatusCode();
        await RecordAsync(count.Id, (_bolts.Id, 6));

        var review = await (await _manager.GetAsync($"/api/counts/{count.Id}")).ReadAsync<CountSessionDto>();
        var line = Assert.Single(review.Lines);
        Assert.Equal((10m, -3m, 7m, 6m, -1m), (line.SnapshotQuantity!.Value, line.MovementsSinceSnapshot!.Value, line.ExpectedQuantity!.Value, line.CountedQuantity!.Value, line.Variance!.Value));

        (await _manager.PostAsync($"/api/counts/{count.Id}/post", null)).EnsureSuccessStatusCode();

        Assert.Equal(6, await _data.OnHandAsync(_bolts.Id, _bin.Id));
        Assert.Equal(-1, await _data.ScalarAsync<decimal>("SELECT quantity FROM movements WHERE type = 'count'"));
    }

    [Fact]
    public async Task A_blind_count_hides_expected_quantities_from_clerks_until_posted()
    {
        var count = await OpenAsync(new { locationId = _bin.Id, blind = true });
        await RecordAsync(count.Id, (_bolts.Id, 9));

        var asClerk = await (await _clerk.GetAsync($"/api/counts/{count.Id}")).ReadAsync<CountSessionDto>();
        var asManager = await (await _manager.GetAsync($"/api/counts/{count.Id}")).ReadAsync<CountSessionDto>();

        Assert.True(asClerk.ExpectedHidden);
        Assert.All(asClerk.Lines, l => Assert.Null(l.SnapshotQuantity));
        Assert.All(asClerk.Lines, l => Assert.Null(l.Variance));
        Assert.Null(count.Lines[0].ExpectedQuantity); // the clerk who opened it saw none either
        Assert.False(asManager.ExpectedHidden);
        Assert.Equal(-1m, asManager.Lines.Single(l => l.ItemId == _bolts.Id).Variance);
        (await _manager.PostAsync($"/api/counts/{count.Id}/post", null)).EnsureSuccessStatusCode();
        var afterPosting = await (await _clerk.GetAsync($"/api/counts/{count.Id}")).ReadAsync<CountSessionDto>();
        Assert.Equal(10m, afterPosting.Lines.Single(l => l.ItemId == _bolts.Id).ExpectedQuantity);
    }

    [Fact]
    public async Task An_item_found_at_the_location_joins_the_count_and_its_stock_is_booked()
    {
        var stray = await _data.ItemAsync("STRAY");
        var count = await OpenAsync(new { locationId = _bin.Id });

        await RecordAsync(count.Id, (stray.Id, 2));
        (await _manager.PostAsync($"/api/counts/{count.Id}/post", null)).EnsureSuccessStatusCode();

        Assert.Equal(2, await _data.OnHandAsync(stray.Id, _bin.Id));
        Assert.Equal(10, await _data.OnHandAsync(_bolts.Id, _bin.Id)); // not counted: left as it was
    }

    [Fact]
    public async Task Only_one_count_per_location_may_be_open_and_a_closed_count_takes_no_more_changes()
    {
        var count = await OpenAsync(new { locationId = _bin.Id });

        var second = await _clerk.PostAsJsonAsync("/api/counts", new { locationId = _bin.Id });
        Assert.Contains("locationId", (await second.AssertProblemAsync(HttpStatusCode.Conflict)).Keys);

        (await _manager.PostAsync($"/api/counts/{count.Id}/cancel", null)).EnsureSuccessStatusCode();
        var record = await _clerk.PutAsJsonAsync($"/api/counts/{count.Id}/lines", new { lines = new[] { new { itemId = _bolts.Id, countedQuantity = 1 } } });
        var post = await _manager.PostAsync($"/api/counts/{count.Id}/post", null);
        Assert.Contains("status", (await record.AssertProblemAsync(HttpStatusCode.Conflict)).Keys);
        Assert.Contains("status", (await post.AssertProblemAsync(HttpStatusCode.Conflict)).Keys);
        Assert.Equal(10, await _data.OnHandAsync(_bolts.Id, _bin.Id));
        await OpenAsync(new { locationId = _bin.Id }); // the location is free again
    }

    [Fact]
    public async Task Posting_twice_books_once()
    {
        var count = await OpenAsync(new { locationId = _bin.Id });
        await RecordAsync(count.Id, (_bolts.Id, 7));

        var first = await _manager.PostAsync($"/api/counts/{count.Id}/post", null);
        var again = await _manager.PostAsync($"/api/counts/{count.Id}/post", null);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await again.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(7, await _data.OnHandAsync(_bolts.Id, _bin.Id));
    }

    [Fact]
    public async Task Clerks_count_but_only_managers_post()
    {
        var count = await OpenAsync(new { locationId = _bin.Id });

        var post = await _clerk.PostAsync($"/api/counts/{count.Id}/post", null);

        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
    }

    [Theory]
    [InlineData("""{"lines":[]}""", "lines", HttpStatusCode.BadRequest)]
    [InlineData("""{"lines":[{"itemId":"{BOLT}","countedQuantity":-1}]}""", "lines[0].countedQuantity", HttpStatusCode.BadRequest)]
    [InlineData("""{"lines":[{"itemId":"{BOLT}","countedQuantity":1.5}]}""", "lines[0].countedQuantity", HttpStatusCode.BadRequest)]
    [InlineData("""{"lines":[{"itemId":"{BOLT}"}]}""", "lines[0].countedQuantity", HttpStatusCode.BadRequest)]
    [InlineData("""{"lines":[{"itemId":"{BOLT}","countedQuantity":1},{"itemId":"{BOLT}","countedQuantity":2}]}""", "lines", HttpStatusCode.BadRequest)]
    [InlineData("""{"lines":[{"itemId":"6f0d7c1e-8a59-4a57-9a36-3f2d0f4b2a11","countedQuantity":1}]}""", "lines[0].itemId", HttpStatusCode.UnprocessableEntity)]
    [InlineData("""{"lines":[{"itemId":"{BOLT}","countedQuantity":"ten"}]}""", "lines[0].countedQuantity", HttpStatusCode.BadRequest)]
    public async Task Bad_counted_lines_name_the_field(string template, string field, HttpStatusCode status)
    {
        var count = await OpenAsync(new { locationId = _bin.Id });

        var response = await _clerk.PutAsync($"/api/counts/{count.Id}/lines", CatalogTestData.JsonBody(template.Replace("{BOLT}", _bolts.Id.ToString())));

        Assert.Contains(field, (await response.AssertProblemAsync(status)).Keys);
    }

    [Theory]
    [InlineData("""{}""", "locationId", HttpStatusCode.BadRequest)]
    [InlineData("""{"locationId":"{BIN}","itemIds":[]}""", "itemIds", HttpStatusCode.BadRequest)]
    [InlineData("""{"locationId":"6f0d7c1e-8a59-4a57-9a36-3f2d0f4b2a11"}""", "locationId", HttpStatusCode.UnprocessableEntity)]
    [InlineData("""{"locationId":"{BIN}","itemIds":["6f0d7c1e-8a59-4a57-9a36-3f2d0f4b2a11"]}""", "itemIds", HttpStatusCode.UnprocessableEntity)]
    [InlineData("""{"locationId":"{BIN}","blind":"sometimes"}""", "blind", HttpStatusCode.BadRequest)]
    public async Task Bad_count_openings_name_the_field(string template, string field, HttpStatusCode status)
    {
        var response = await _clerk.PostAsync("/api/counts", CatalogTestData.JsonBody(template.Replace("{BIN}", _bin.Id.ToString())));

        Assert.Contains(field, (await response.AssertProblemAsync(status)).Keys);
        Assert.Equal(0, await _data.ScalarAsync<long>("SELECT count(*) FROM count_sessions"));
    }

    [Fact]
    public async Task Counts_are_listed_newest_first_with_their_progress()
    {
        var count = await OpenAsync(new { locationId = _bin.Id });
        await RecordAsync(count.Id, (_bolts.Id, 10));

        var list = (await _manager.GetFromJsonAsync<Page<CountSummaryDto>>($"/api/counts?status=open&locationId={_bin.Id}"))!;

        var summary = Assert.Single(list.Items);
        Assert.Equal((count.Id, 2, 1, "A-01"), (summary.Id, summary.Lines, summary.Counted, summary.LocationCode));
    }
}
