using System.Net;
using System.Net.Http.Json;
using Inventory.CatalogService.Items;
using Inventory.CatalogService.Locations;
using Inventory.CatalogService.Stock;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;
using Npgsql;

namespace Inventory.Tests.Service.Catalog;

[Collection(ServicesCollection.Name)]
public sealed class StockMovementTests(ServicesFixture fixture) : IAsyncLifetime
{
    private readonly HttpClient _manager = fixture.Catalog.CreateClientAs(Roles.Manager, userId: "manager-1");
    private readonly CatalogTestData _data = new(fixture, "manager-1");
    private readonly HttpClient _clerk = fixture.Catalog.CreateClientAs(Roles.Clerk, userId: "clerk-42");
    private ItemDto _item = null!;
    private LocationDto _a = null!;
    private LocationDto _b = null!;

    public async Task InitializeAsync()
    {
        await _data.ResetAsync();
        _item = await _data.ItemAsync("BOLT-1");
        var wh = await _data.WarehouseAsync("WH1");
        _a = await _data.BinAsync("A", wh.Id);
        _b = await _data.BinAsync("B", wh.Id);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Receipt_issue_and_adjustment_change_the_balance_and_append_movements_with_the_callers_subject()
    {
        await _data.ReceiveAsync(_item.Id, _a.Id, 10, reference: "PO-1");
        var issue = await (await _clerk.PostAsJsonAsync("/api/movements/issues", new { itemId = _item.Id, locationId = _a.Id, quantity = 3 }))
            .ReadAsync<MovementResult>(HttpStatusCode.Created);
        var adjust = await (await _manager.PostAsJsonAsync("/api/movements/adjustments",
            new { itemId = _item.Id, locationId = _a.Id, quantity = -2, reasonCode = "damaged", note = "dropped" }))
            .ReadAsync<MovementResult>(HttpStatusCode.Created);

        Assert.Equal(5, await _data.OnHandAsync(_item.Id, _a.Id));
        var movement = Assert.Single(issue.Movements);
        Assert.Equal((-3m, 7m, "issue", "clerk-42"), (movement.Quantity, movement.BalanceAfter, movement.Type, movement.UserId));
        Assert.Equal(("adjustment", "damaged", "manager-1"), (adjust.Movements[0].Type, adjust.Movements[0].ReasonCode, adjust.Movements[0].UserId));
        var ledger = (await _manager.GetFromJsonAsync<Inventory.ServiceDefaults.Kit.Page<MovementDto>>($"/api/movements?itemId={_item.Id}"))!;
        Assert.Equal(["adjustment", "issue", "receipt"], ledger.Items.Select(m => m.Type));
        Assert.Equal("PO-1", ledger.Items[2].Reference);
        var detail = await (await _manager.GetAsync($"/api/items/{_item.Id}")).ReadAsync<ItemDetailDto>();
        Assert.Equal(5, detail.OnHand);
        Assert.Equal(3, detail.RecentMovements.Count);
    }

    [Fact]
    public async Task An_issue_beyond_what_is_on_hand_is_409_stating_what_is_available_and_changes_nothing()
    {
        await _data.ReceiveAsync(_item.Id, _a.Id, 4);

        var response = await _clerk.PostAsJsonAsync("/api/movements/issues", new { itemId = _item.Id, locationId = _a.Id, quantity = 5 });

        var errors = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("Only 4 each", errors["quantity"][0]);
        Assert.Equal(4, await _data.OnHandAsync(_item.Id, _a.Id));
        Assert.Equal(1, await _data.ScalarAsync<long>("SELECT count(*) FROM movements"));
    }

    [Fact]
    public async Task An_issue_from_a_location_never_stocked_is_409_with_nothing_available()
    {
        var response = await _clerk.PostAsJsonAsync("/api/movements/issues", new { itemId = _item.Id, locationId = _a.Id, quantity = 1 });

        Assert.Contains("Only 0 each", (await response.AssertProblemAsync(HttpStatusCode.Conflict))["quantity"][0]);
        Assert.Equal(0, await _data.ScalarAsync<long>("SELECT count(*) FROM stock_levels"));
    }

    [Fact]
    public async Task A_location_that_allows_negative_stock_may_go_below_zero()
    {
        var wh = await _data.WarehouseAsync("NEG", allowsNegative: true);

        (await _clerk.PostAsJsonAsync("/api/movements/issues", new { itemId = _item.Id, locationId = wh.Id, quantity = 2 })).EnsureSuccessStatusCode();

        Assert.Equal(-2, await _data.OnHandAsync(_item.Id, wh.Id));
        var turnOff = await _manager.PutAsJsonAsync($"/api/locations/{wh.Id}",
            new { code = "NEG", name = "n", kind = "warehouse", allowsNegative = false, version = wh.Version });
        Assert.Contains("allowsNegative", (await turnOff.AssertProblemAsync(HttpStatusCode.Conflict)).Keys);
    }

    [Fact]
    public async Task The_check_constraint_refuses_negative_stock_even_to_sql_that_bypasses_the_api()
    {
        await _data.ReceiveAsync(_item.Id, _a.Id, 1);

        var ex = await Assert.ThrowsAsync<PostgresException>(() =>
            _data.ExecuteAsync("UPDATE stock_levels SET on_hand = -1 WHERE item_id = $1", _item.Id));

        Assert.Equal(PostgresErrorCodes.CheckViolation, ex.SqlState);
    }

    [Fact]
    public async Task The_ledger_refuses_updates_and_deletes_in_the_database()
    {
        await _data.ReceiveAsync(_item.Id, _a.Id, 1);

        var update = await Assert.ThrowsAsync<PostgresException>(() => _data.ExecuteAsync("UPDATE movements SET quantity = 100"));
        var delete = await Assert.ThrowsAsync<PostgresException>(() => _data.ExecuteAsync("DELETE FROM movements"));

        Assert.Contains("append-only", update.MessageText);
        Assert.Contains("append-only", delete.MessageText);
        Assert.Equal(1, await _data.ScalarAsync<decimal>("SELECT sum(quantity) FROM movements"));
    }

    [Fact]
    public async Task Fractions_of_an_indivisible_unit_are_400_and_divisible_units_take_them()
    {
        var rope = await _data.ItemAsync("ROPE", unit: "m");

        var half = await _manager.PostAsJsonAsync("/api/movements/receipts", new { itemId = _item.Id, locationId = _a.Id, quantity = 0.5 });
        await _data.ReceiveAsync(rope.Id, _a.Id, 2.75m);

        Assert.Contains("quantity", (await half.AssertProblemAsync(HttpStatusCode.BadRequest)).Keys);
        Assert.Equal(2.75m, await _data.OnHandAsync(rope.Id, _a.Id));
        Assert.Equal(0, await _data.OnHandAsync(_item.Id, _a.Id));
    }

    [Fact]
    public async Task Archived_items_and_locations_take_no_new_stock_but_can_be_emptied()
    {
        await _data.ReceiveAsync(_item.Id, _a.Id, 5);
        (await _manager.PostAsync($"/api/items/{_item.Id}/archive", null)).EnsureSuccessStatusCode();
        (await _manager.PostAsync($"/api/locations/{_b.Id}/archive", null)).EnsureSuccessStatusCode();
        var other = await _data.ItemAsync("OTHER");

        var receiptOfArchivedItem = await _manager.PostAsJsonAsync("/api/movements/receipts", new { itemId = _item.Id, locationId = _a.Id, quantity = 1 });
        var receiptIntoArchivedLocation = await _manager.PostAsJsonAsync("/api/movements/receipts", new { itemId = other.Id, locationId = _b.Id, quantity = 1 });
        var issueOfArchivedItem = await _clerk.PostAsJsonAsync("/api/movements/issues", new { itemId = _item.Id, locationId = _a.Id, quantity = 5 });

        Assert.Contains("itemId", (await receiptOfArchivedItem.AssertProblemAsync(HttpStatusCode.Conflict)).Keys);
        Assert.Contains("locationId", (await receiptIntoArchivedLocation.AssertProblemAsync(HttpStatusCode.Conflict)).Keys);
        Assert.Equal(HttpStatusCode.Created, issueOfArchivedItem.StatusCode);
        Assert.Equal(0, await _data.OnHandAsync(_item.Id, _a.Id));
    }

    [Fact]
    public async Task A_transfer_moves_stock_in_one_operation_and_the_items_total_is_the_sum_over_locations()
    {
        await _data.ReceiveAsync(_item.Id, _a.Id, 10);

        var transfer = await (await _clerk.PostAsJsonAsync("/api/movements/transfers",
            new { itemId = _item.Id, fromLocationId = _a.Id, toLocationId = _b.Id, quantity = 4 })).ReadAsync<MovementResult>(HttpStatusCode.Created);

        Assert.Equal([("transfer_out", -4m), ("transfer_in", 4m)], transfer.Movements.Select(m => (m.Type, m.Quantity)));
        Assert.All(transfer.Movements, m => Assert.Equal(transfer.OperationId, m.OperationId));
        var detail = await (await _manager.GetAsync($"/api/items/{_item.Id}")).ReadAsync<ItemDetailDto>();
        Assert.Equal([6m, 4m], detail.Stock.Select(s => s.OnHand));
        Assert.Equal(10, detail.OnHand);
    }

    [Fact]
    public async Task A_transfer_that_would_go_negative_leaves_both_locations_untouched()
    {
        await _data.ReceiveAsync(_item.Id, _a.Id, 5);

        var response = await _clerk.PostAsJsonAsync("/api/movements/transfers",
            new { itemId = _item.Id, fromLocationId = _a.Id, toLocationId = _b.Id, quantity = 8 });

        Assert.Contains("quantity", (await response.AssertProblemAsync(HttpStatusCode.Conflict)).Keys);
        Assert.Equal(5, await _data.OnHandAsync(_item.Id, _a.Id));
        Assert.Equal(0, await _data.ScalarAsync<long>("SELECT count(*) FROM stock_levels WHERE location_id = $1", _b.Id));
        Assert.Equal(1, await _data.ScalarAsync<long>("SELECT count(*) FROM movements"));
    }

    [Fact]
    public async Task A_transfer_whose_second_leg_fails_rolls_back_the_first()
    {
        await _data.ReceiveAsync(_item.Id, _a.Id, 5);
        (await _manager.PostAsync($"/api/locations/{_b.Id}/archive", null)).EnsureSuccessStatusCode();

        var response = await _clerk.PostAsJsonAsync("/api/movements/transfers",
            new { itemId = _item.Id, fromLocationId = _a.Id, toLocationId = _b.Id, quantity = 2 });

        Assert.Contains("toLocationId", (await response.AssertProblemAsync(HttpStatusCode.Conflict)).Keys);
        Assert.Equal(5, await _data.OnHandAsync(_item.Id, _a.Id));
        Assert.Equal(5, await _data.ScalarAsync<decimal>("SELECT on_hand FROM item_stock_totals WHERE item_id = $1", _item.Id));
        Assert.Equal(1, await _data.ScalarAsync<long>("SELECT count(*) FROM movements"));
    }

    public static TheoryData<string, string, string, HttpStatusCode> BadMovements => new()
    {
        { "issues", """{"locationId":"{A}","quantity":1}""", "itemId", HttpStatusCode.BadRequest },
        { "issues", """{"itemId":"{ITEM}","locationId":"{A}"}""", "quantity", HttpStatusCode.BadRequest },
        { "issues", """{"itemId":"{ITEM}","locationId":"{A}","quantity":0}""", "quantity", HttpStatusCode.BadRequest },
        { "issues", """{"itemId":"{ITEM}","locationId":"{A}","quantity":-1}""", "quantity", HttpStatusCode.BadRequest },
        { "issues", """{"itemId":"{ITEM}","locationId":"{A}","quantity":1.00001}""", "quantity", HttpStatusCode.BadRequest },
        { "issues", """{"itemId":"{ITEM}","locationId":"{A}","quantity":1e20}""", "quantity", HttpStatusCode.BadRequest },
        { "issues", """{"itemId":"{ITEM}","locationId":"{A}","quantity":"lots"}""", "quantity", HttpStatusCode.BadRequest },
        { "issues", """{"itemId":"not-a-guid","locationId":"{A}","quantity":1}""", "itemId", HttpStatusCode.BadRequest },
        { "issues", """{"itemId":"{ITEM}","locationId":"{A}","quantity":1,"reference":"{LONG}"}""", "reference", HttpStatusCode.BadRequest },
        { "issues", """{"itemId":"6f0d7c1e-8a59-4a57-9a36-3f2d0f4b2a11","locationId":"{A}","quantity":1}""", "itemId", HttpStatusCode.UnprocessableEntity },
        { "issues", """{"itemId":"{ITEM}","locationId":"6f0d7c1e-8a59-4a57-9a36-3f2d0f4b2a11","quantity":1}""", "locationId", HttpStatusCode.UnprocessableEntity },
        { "adjustments", """{"itemId":"{ITEM}","locationId":"{A}","quantity":1}""", "reasonCode", HttpStatusCode.BadRequest },
        { "adjustments", """{"itemId":"{ITEM}","locationId":"{A}","quantity":1,"reasonCode":"whim"}""", "reasonCode", HttpStatusCode.BadRequest },
        { "transfers", """{"itemId":"{ITEM}","fromLocationId":"{A}","toLocationId":"{A}","quantity":1}""", "toLocationId", HttpStatusCode.BadRequest },
        { "transfers", """{"itemId":"{ITEM}","toLocationId":"{A}","quantity":1}""", "fromLocationId", HttpStatusCode.BadRequest },
        { "receipts", "[]", "body", HttpStatusCode.BadRequest },
    };

    [Theory]
    [MemberData(nameof(BadMovements))]
    public async Task Bad_movement_requests_name_the_field_and_store_nothing(string kind, string template, string field, HttpStatusCode status)
    {
        var json = template.Replace("{ITEM}", _item.Id.ToString()).Replace("{A}", _a.Id.ToString()).Replace("{LONG}", new string('r', 101));

        var response = await _manager.PostAsync($"/api/movements/{kind}", CatalogTestData.JsonBody(json));

        Assert.Contains(field, (await response.AssertProblemAsync(status)).Keys);
        Assert.Equal(0, await _data.ScalarAsync<long>("SELECT count(*) FROM movements"));
    }

    [Theory]
    [InlineData("itemId=nope", "itemId")]
    [InlineData("type=gift", "type")]
    [InlineData("from=yesterday", "from")]
    [InlineData("from=2026-02-01&to=2026-01-01", "to")]
    [InlineData("after=xyz", "after")]
    public async Task Bad_movement_list_queries_name_the_parameter(string query, string field)
    {
        var response = await _manager.GetAsync($"/api/movements?{query}");

        Assert.Contains(field, (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).Keys);
    }

    [Fact]
    public async Task Movements_list_filters_by_location_type_and_date_range_and_pages()
    {
        for (var i = 0; i < 5; i++)
            await _data.ReceiveAsync(_item.Id, _a.Id, 1);
        await _data.ReceiveAsync(_item.Id, _b.Id, 1);
        (await _clerk.PostAsJsonAsync("/api/movements/issues", new { itemId = _item.Id, locationId = _a.Id, quantity = 1 })).EnsureSuccessStatusCode();

        var atA = (await _manager.GetFromJsonAsync<Inventory.ServiceDefaults.Kit.Page<MovementDto>>($"/api/movements?locationId={_a.Id}&pageSize=4"))!;
        var rest = (await _manager.GetFromJsonAsync<Inventory.ServiceDefaults.Kit.Page<MovementDto>>($"/api/movements?locationId={_a.Id}&pageSize=4&after={atA.NextCursor}"))!;
        var issues = (await _manager.GetFromJsonAsync<Inventory.ServiceDefaults.Kit.Page<MovementDto>>("/api/movements?type=issue"))!;
        var future = (await _manager.GetFromJsonAsync<Inventory.ServiceDefaults.Kit.Page<MovementDto>>($"/api/movements?from={DateTimeOffset.UtcNow.AddDays(1):yyyy-MM-dd}"))!;

        Assert.Equal(4, atA.Items.Count);
        Assert.Equal(2, rest.Items.Count);
        Assert.Null(rest.NextCursor);
        Assert.Equal(6, atA.Items.Concat(rest.Items).Select(m => m.Id).Distinct().Count());
        Assert.True(atA.Items.Concat(rest.Items).Select(m => m.Seq).SequenceEqual(atA.Items.Concat(rest.Items).Select(m => m.Seq).OrderDescending()));
        Assert.Single(issues.Items);
        Assert.Empty(future.Items);
    }

    [Fact]
    public async Task A_balance_beyond_the_largest_storable_quantity_is_refused_not_a_500()
    {
        await _data.ReceiveAsync(_item.Id, _a.Id, 99_999_999_999_999m);

        var response = await _manager.PostAsJsonAsync("/api/movements/receipts", new { itemId = _item.Id, locationId = _a.Id, quantity = 99_999_999_999_999m });

        Assert.Contains("quantity", (await response.AssertProblemAsync(HttpStatusCode.Conflict)).Keys);
        Assert.Equal(99_999_999_999_999m, await _data.OnHandAsync(_item.Id, _a.Id));
    }

    [Fact]
    public async Task A_clerk_may_issue_and_transfer_but_not_receive_or_adjust()
    {
        var receipt = await _clerk.PostAsJsonAsync("/api/movements/receipts", new { itemId = _item.Id, locationId = _a.Id, quantity = 1 });
        var adjust = await _clerk.PostAsJsonAsync("/api/movements/adjustments", new { itemId = _item.Id, locationId = _a.Id, quantity = 1, reasonCode = "found" });

        Assert.Equal(HttpStatusCode.Forbidden, receipt.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, adjust.StatusCode);
    }
}
