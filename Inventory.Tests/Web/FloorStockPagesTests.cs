using System.Globalization;
using System.Net;
using Inventory.CatalogService.Items;
using Inventory.CatalogService.Locations;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.Web;

/// <summary>
/// Floor mode's stock flows through the pages: a Viewer is refused Put away / move, Pick / issue and Count (pages and
/// posts, nothing booked); a move posted twice with the same batch moves once; Enter in a line's quantity keeps the
/// edited batch; a Clerk may count but not post a count.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class FloorStockPagesTests(WebAppFixture fixture) : IDisposable
{
    private readonly CatalogUi _catalog = new(fixture);

    public void Dispose() => _catalog.Dispose();

    private async Task<(LocationDto From, LocationDto To, ItemDto Item)> StockAsync(decimal onHand)
    {
        var warehouse = await _catalog.WarehouseAsync(CatalogUi.Unique("FSWH"));
        var from = await _catalog.BinAsync(CatalogUi.Unique("FSA"), warehouse.Id);
        var to = await _catalog.BinAsync(CatalogUi.Unique("FSB"), warehouse.Id);
        var item = await _catalog.ItemAsync(CatalogUi.Unique("FSITEM"));
        await _catalog.ReceiveAsync(item.Id, from.Id, onHand);
        return (from, to, item);
    }

    private static Dictionary<string, string> Move(LocationDto from, LocationDto to, ItemDto item, decimal quantity, string key) => new()
    {
        ["FromLocationId"] = from.Id.ToString(),
        ["ToLocationId"] = to.Id.ToString(),
        ["Batch.Lines[0].ItemId"] = item.Id.ToString(),
        ["Batch.Lines[0].Sku"] = item.Sku,
        ["Batch.Lines[0].Name"] = item.Name,
        ["Batch.Lines[0].Quantity"] = quantity.ToString(CultureInfo.InvariantCulture),
        ["Batch.IdempotencyKey"] = key,
    };

    private async Task<decimal> OnHandAsync(ItemDto item, LocationDto location) =>
        (await _catalog.GetItemAsync(item.Id)).Stock.FirstOrDefault(s => s.LocationId == location.Id)?.OnHand ?? 0;

    [Fact]
    public async Task A_viewer_is_refused_move_pick_and_count_and_its_posts_book_nothing()
    {
        var (from, to, item) = await StockAsync(5);
        using var viewer = await SignIn.NewPersonAsync(fixture.Address, Roles.Viewer);

        foreach (var path in new[] { "/floor/move", "/floor/pick", "/floor/count" })
            Assert.Equal("/access-denied", (await viewer.GetAsync(path)).RequestMessage!.RequestUri!.AbsolutePath);
        var hub = await Html.ReadAsync(await viewer.GetAsync("/floor"));
        Assert.False(Html.HasId(hub, "floor-move") || Html.HasId(hub, "floor-pick") || Html.HasId(hub, "floor-count"));
        var move = await viewer.SubmitLoadedFormAsync(hub, "/floor/move?handler=Post", Move(from, to, item, 2, Guid.NewGuid().ToString()));
        var pick = await viewer.SubmitLoadedFormAsync(hub, "/floor/pick?handler=Post", new Dictionary<string, string>
        {
            ["LocationId"] = from.Id.ToString(), ["Batch.Lines[0].ItemId"] = item.Id.ToString(), ["Batch.Lines[0].Quantity"] = "2",
            ["Batch.IdempotencyKey"] = Guid.NewGuid().ToString(),
        });

        Assert.Equal("/access-denied", move.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("/access-denied", pick.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal((5m, 0m), (await OnHandAsync(item, from), await OnHandAsync(item, to)));
    }

    [Fact]
    public async Task The_same_move_batch_posted_twice_moves_once()
    {
        var (from, to, item) = await StockAsync(5);
        using var clerk = await SignIn.NewPersonAsync(fixture.Address, Roles.Clerk);
        var page = await Html.ReadAsync(await clerk.GetAsync($"/floor/move?fromLocationId={from.Id}"));
        var batch = Move(from, to, item, 2, Guid.NewGuid().ToString());

        var first = await clerk.SubmitLoadedFormAsync(page, "/floor/move?handler=Post", batch);
        var second = await clerk.SubmitLoadedFormAsync(page, "/floor/move?handler=Post", batch);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains($"Moved from {from.Code} to {to.Code}: {item.Sku} × 2.", Html.Decode(await Html.ReadAsync(second)));
        Assert.Equal((3m, 2m), (await OnHandAsync(item, from), await OnHandAsync(item, to)));
    }

    [Fact]
    public async Task Enter_in_a_lines_quantity_keeps_the_changed_batch_and_books_nothing()
    {
        var (from, to, item) = await StockAsync(5);
        using var clerk = await SignIn.NewPersonAsync(fixture.Address, Roles.Clerk);
        var page = await Html.ReadAsync(await clerk.GetAsync($"/floor/move?fromLocationId={from.Id}"));

        // What a browser sends when Enter is pressed in the quantity field: the default button (Scan) with an empty box.
        var kept = await Html.ReadAsync(await clerk.SubmitLoadedFormAsync(page, "/floor/move?handler=Scan",
            new Dictionary<string, string>(Move(from, to, item, 4, Guid.NewGuid().ToString())) { ["Batch.Code"] = "" }));

        Assert.Equal("4", Html.InputValue(kept, "Batch.Lines[0].Quantity"));
        Assert.Contains("Changes kept. Scan the next code.", Html.Decode(kept));
        Assert.DoesNotContain("Scan or type a code first.", Html.Decode(kept));
        Assert.Equal((5m, 0m), (await OnHandAsync(item, from), await OnHandAsync(item, to)));
    }

    [Fact]
    public async Task A_clerk_counts_on_the_floor_but_may_not_post_the_count()
    {
        var (bin, _, item) = await StockAsync(5);
        using var clerk = await SignIn.NewPersonAsync(fixture.Address, Roles.Clerk);
        var opened = await clerk.SubmitFormAsync("/floor/count", "/floor/count?handler=Open", new Dictionary<string, string>
        {
            ["LocationId"] = bin.Id.ToString(), ["IdempotencyKey"] = Guid.NewGuid().ToString(),
        });
        var countPage = opened.RequestMessage!.RequestUri!.PathAndQuery;
        Assert.Contains("countId=", countPage);
        var countId = countPage[(countPage.IndexOf("countId=", StringComparison.Ordinal) + 8)..];
        var saved = await clerk.SubmitFormAsync(countPage, "/floor/count?handler=Save", new Dictionary<string, string>
        {
            ["CountId"] = countId, ["ItemId"] = item.Id.ToString(), ["Counted"] = "3", ["IdempotencyKey"] = Guid.NewGuid().ToString(),
        });
        var counted = await Html.ReadAsync(saved);
        Assert.Contains($"{item.Sku}: counted 3 each.", Html.Decode(counted));
        Assert.False(Html.HasId(counted, "floor-post-count"));

        var refused = await clerk.SubmitLoadedFormAsync(counted, "/floor/count?handler=Post", new Dictionary<string, string>
        {
            ["CountId"] = countId, ["PostKey"] = Guid.NewGuid().ToString(),
        });

        Assert.Equal("/access-denied", refused.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("Open", CatalogUi.Text(await Html.ReadAsync(await clerk.GetAsync(countPage)), "floor-count-status"));
        Assert.Equal(5m, await OnHandAsync(item, bin));
    }
}
