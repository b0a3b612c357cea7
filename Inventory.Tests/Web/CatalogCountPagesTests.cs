using System.Net;
using System.Text.RegularExpressions;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.Web;

/// <summary>Cycle counts through the pages: a clerk opens and records a blind count, a manager reviews and posts it.</summary>
[Collection(WebAppCollection.Name)]
public sealed class CatalogCountPagesTests(WebAppFixture fixture) : IDisposable
{
    private readonly CatalogUi _ui = new(fixture);

    public void Dispose() => _ui.Dispose();

    [Fact]
    public async Task A_blind_count_opened_and_recorded_by_a_clerk_and_posted_by_a_manager_sets_stock_to_the_counted_quantity()
    {
        var item = await _ui.ItemAsync(CatalogUi.Unique("COUNT"));
        var warehouse = await _ui.WarehouseAsync(CatalogUi.Unique("WH"));
        await _ui.ReceiveAsync(item.Id, warehouse.Id, 10);
        using var clerk = await _ui.SignInAsync(Roles.Clerk);
        using var manager = await _ui.SignInAsync(Roles.Manager);

        var opened = await clerk.SubmitFormAsync("/counts", "/counts?handler=Open", new Dictionary<string, string>
        {
            ["Open.LocationId"] = warehouse.Id.ToString(),
            ["Open.Blind"] = "true",
            ["Open.IdempotencyKey"] = Guid.NewGuid().ToString(),
        });
        var countUrl = opened.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.Matches("^/counts/[0-9a-f-]{36}$", countUrl);
        var blind = await Html.ReadAsync(opened);
        Assert.True(Html.HasId(blind, "blind-note"));
        Assert.DoesNotContain("data-field=\"expected\"", blind);
        Assert.False(Html.HasId(blind, "post-count")); // posting needs Manager

        var recorded = await clerk.SubmitFormAsync(countUrl, $"{countUrl}?handler=Record", new Dictionary<string, string>
        {
            ["Lines[0].ItemId"] = item.Id.ToString(),
            ["Lines[0].Counted"] = "7",
            ["IdempotencyKey"] = Guid.NewGuid().ToString(),
        });
        Assert.Contains("1 counted quantity saved.", Html.Decode(await Html.ReadAsync(recorded)));

        var review = await Html.ReadAsync(await manager.GetAsync(countUrl));
        var row = Html.Row(review, item.Sku);
        Assert.Equal(("10", "7", "-3"), (Html.Cell(row, "expected"), Html.InputValue(row, "Lines[0].Counted"), Html.Cell(row, "variance")));
        var postKey = Regex.Match(review, "name=\"PostKey\" value=\"([^\"]+)\"").Groups[1].Value;
        var posted = await manager.SubmitFormAsync(countUrl, $"{countUrl}?handler=Post", new Dictionary<string, string> { ["PostKey"] = postKey });

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var page = await Html.ReadAsync(posted);
        Assert.Equal("Posted", CatalogUi.Text(page, "count-status"));
        Assert.False(Html.HasId(page, "record-counts"));
        var stored = await _ui.GetItemAsync(item.Id);
        Assert.Equal(7m, stored.OnHand);
        Assert.Single(stored.RecentMovements, m => m.Type == "count" && m.Quantity == -3m);
    }

    [Fact]
    public async Task An_item_found_at_the_location_joins_the_count_by_its_sku_and_an_unknown_sku_is_refused_at_its_field()
    {
        var listed = await _ui.ItemAsync(CatalogUi.Unique("LISTED"));
        var found = await _ui.ItemAsync(CatalogUi.Unique("FOUND"));
        var warehouse = await _ui.WarehouseAsync(CatalogUi.Unique("WH"));
        await _ui.ReceiveAsync(listed.Id, warehouse.Id, 1);
        using var clerk = await _ui.SignInAsync(Roles.Clerk);
        var countUrl = (await clerk.SubmitFormAsync("/counts", "/counts?handler=Open", new Dictionary<string, string>
        {
            ["Open.LocationId"] = warehouse.Id.ToString(),
            ["Open.IdempotencyKey"] = Guid.NewGuid().ToString(),
        })).RequestMessage!.RequestUri!.AbsolutePath;
        Dictionary<string, string> Record(string sku) => new()
        {
            ["Lines[0].ItemId"] = listed.Id.ToString(),
            ["Lines[0].Counted"] = "1",
            ["ExtraSku"] = sku,
            ["ExtraCounted"] = "2",
            ["IdempotencyKey"] = Guid.NewGuid().ToString(),
        };

        var unknown = await Html.ReadAsync(await clerk.SubmitFormAsync(countUrl, $"{countUrl}?handler=Record", Record(found.Sku + "-NOPE")));
        var joined = await Html.ReadAsync(await clerk.SubmitFormAsync(countUrl, $"{countUrl}?handler=Record", Record(found.Sku.ToLowerInvariant())));

        Assert.Equal($"No active catalog item has SKU {found.Sku}-NOPE.", Html.FieldError(unknown, "ExtraSku"));
        Assert.Equal("2", Html.InputValue(unknown, "ExtraCounted"));
        Assert.Contains("2 counted quantities saved.", Html.Decode(joined));
        var row = Html.Row(joined, found.Sku);
        var index = Regex.Match(row, "name=\"Lines\\[(\\d+)\\]\\.Counted\"").Groups[1].Value;
        Assert.Equal("2", Html.InputValue(row, $"Lines[{index}].Counted"));
    }
}
