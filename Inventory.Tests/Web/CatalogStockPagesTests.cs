using System.Net;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.Web;

/// <summary>The stock forms of the item page and the dashboard's figures.</summary>
[Collection(WebAppCollection.Name)]
public sealed class CatalogStockPagesTests(WebAppFixture fixture) : IDisposable
{
    private readonly CatalogUi _ui = new(fixture);

    public void Dispose() => _ui.Dispose();

    [Fact]
    public async Task A_clerk_issues_stock_and_the_item_page_shows_the_new_on_hand_and_the_movement()
    {
        var item = await _ui.ItemAsync(CatalogUi.Unique("ISSUE"));
        var warehouse = await _ui.WarehouseAsync(CatalogUi.Unique("WH"));
        await _ui.ReceiveAsync(item.Id, warehouse.Id, 10);
        using var clerk = await _ui.SignInAsync(Roles.Clerk);
        var url = $"/inventory/{item.Id}";
        var form = await Html.ReadAsync(await clerk.GetAsync(url));

        var issued = await clerk.SubmitFormAsync(url, $"{url}?handler=Issue", new Dictionary<string, string>
        {
            ["Issue.LocationId"] = warehouse.Id.ToString(),
            ["Issue.Quantity"] = "3",
            ["Issue.Reference"] = "JOB-17",
            ["Issue.IdempotencyKey"] = Html.InputValue(form, "Issue.IdempotencyKey")!,
        });

        Assert.Equal(url, issued.RequestMessage!.RequestUri!.AbsolutePath);
        var page = await Html.ReadAsync(issued);
        Assert.Equal("Issued 3.", CatalogUi.Text(page, "flash"));
        Assert.Equal("7 each", CatalogUi.Text(page, "on-hand"));
        Assert.Equal("7", CatalogUi.StockAt(page, warehouse.Code));
        var latest = CatalogUi.MovementRows(page)[0];
        Assert.Equal(("Issue", "-3", "7"), (Html.Cell(latest, "type"), Html.Cell(latest, "quantity"), Html.Cell(latest, "balanceAfter")));
        Assert.Contains("JOB-17", latest);
        Assert.False(Html.HasId(form, "receive-form")); // receipts and adjustments need Manager
        Assert.False(Html.HasId(form, "adjust-form"));
        Assert.True(Html.HasId(form, "transfer-form"));
        Assert.Equal(7m, (await _ui.GetItemAsync(item.Id)).OnHand);
    }

    [Fact]
    public async Task Issuing_more_than_is_on_hand_says_first_how_much_is_available_keeps_the_input_and_changes_nothing()
    {
        var item = await _ui.ItemAsync(CatalogUi.Unique("SHORT"));
        var warehouse = await _ui.WarehouseAsync(CatalogUi.Unique("WH"));
        await _ui.ReceiveAsync(item.Id, warehouse.Id, 4);
        using var clerk = await _ui.SignInAsync(Roles.Clerk);
        var url = $"/inventory/{item.Id}";

        var key = Guid.NewGuid().ToString();
        var response = await clerk.SubmitFormAsync(url, $"{url}?handler=Issue", new Dictionary<string, string>
        {
            ["Issue.LocationId"] = warehouse.Id.ToString(),
            ["Issue.Quantity"] = "5",
            ["Issue.IdempotencyKey"] = key,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ReadAsync(response);
        var sentence = $"Only 4 each of {item.Sku} available at {warehouse.Code}; 5 requested.";
        Assert.Equal(sentence, Html.FieldError(page, "Issue.Quantity"));
        // Above the forms, the refusal's own sentence leads; the problem type's headline is not shown at all.
        Assert.Equal(sentence, CatalogUi.Text(page, "form-errors"));
        Assert.DoesNotContain(Inventory.ServiceDefaults.Kit.Problems.ConflictTitle, page);
        Assert.Equal("5", Html.InputValue(page, "Issue.Quantity"));
        Assert.Equal(key, Html.InputValue(page, "Issue.IdempotencyKey")); // refused: the same form, the same key
        Assert.Equal("4 each", CatalogUi.Text(page, "on-hand"));
        var stored = await _ui.GetItemAsync(item.Id);
        Assert.Equal(4m, stored.OnHand);
        Assert.Single(stored.RecentMovements);
    }

    [Fact]
    public async Task Submitting_the_same_movement_form_twice_books_it_once()
    {
        var item = await _ui.ItemAsync(CatalogUi.Unique("TWICE"));
        var warehouse = await _ui.WarehouseAsync(CatalogUi.Unique("WH"));
        await _ui.ReceiveAsync(item.Id, warehouse.Id, 10);
        using var clerk = await _ui.SignInAsync(Roles.Clerk);
        var url = $"/inventory/{item.Id}";
        var key = Html.InputValue(await Html.ReadAsync(await clerk.GetAsync(url)), "Issue.IdempotencyKey")!;
        var fields = new Dictionary<string, string>
        {
            ["Issue.LocationId"] = warehouse.Id.ToString(),
            ["Issue.Quantity"] = "2",
            ["Issue.IdempotencyKey"] = key,
        };

        var first = await clerk.SubmitFormAsync(url, $"{url}?handler=Issue", fields);
        var second = await clerk.SubmitFormAsync(url, $"{url}?handler=Issue", fields);

        Assert.True(Guid.TryParse(key, out _), key);
        Assert.Equal(url, first.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(url, second.RequestMessage!.RequestUri!.AbsolutePath);
        var stored = await _ui.GetItemAsync(item.Id);
        Assert.Equal(8m, stored.OnHand);
        Assert.Single(stored.RecentMovements, m => m.Type == "issue");
        var page = await Html.ReadAsync(second);
        Assert.NotEqual(key, Html.InputValue(page, "Issue.IdempotencyKey")); // a fresh form gets a fresh key
    }

    [Fact]
    public async Task A_transfer_moves_stock_from_one_location_to_another()
    {
        var item = await _ui.ItemAsync(CatalogUi.Unique("MOVE"));
        var from = await _ui.WarehouseAsync(CatalogUi.Unique("FROM"));
        var to = await _ui.WarehouseAsync(CatalogUi.Unique("TO"));
        await _ui.ReceiveAsync(item.Id, from.Id, 6);
        using var clerk = await _ui.SignInAsync(Roles.Clerk);
        var url = $"/inventory/{item.Id}";

        var moved = await clerk.SubmitFormAsync(url, $"{url}?handler=Transfer", new Dictionary<string, string>
        {
            ["Transfer.LocationId"] = from.Id.ToString(),
            ["Transfer.ToLocationId"] = to.Id.ToString(),
            ["Transfer.Quantity"] = "4",
            ["Transfer.IdempotencyKey"] = Guid.NewGuid().ToString(),
        });

        var page = await Html.ReadAsync(moved);
        Assert.Equal("Transferred 4.", CatalogUi.Text(page, "flash"));
        Assert.Equal("2", CatalogUi.StockAt(page, from.Code));
        Assert.Equal("4", CatalogUi.StockAt(page, to.Code));
        Assert.Equal("6 each", CatalogUi.Text(page, "on-hand"));
        var stock = (await _ui.GetItemAsync(item.Id)).Stock.ToDictionary(s => s.LocationId, s => s.OnHand);
        Assert.Equal((2m, 4m), (stock[from.Id], stock[to.Id]));
    }

    [Fact]
    public async Task A_manager_adjusts_stock_with_a_reason_and_a_missing_reason_is_shown_at_its_field()
    {
        var item = await _ui.ItemAsync(CatalogUi.Unique("ADJ"));
        var warehouse = await _ui.WarehouseAsync(CatalogUi.Unique("WH"));
        await _ui.ReceiveAsync(item.Id, warehouse.Id, 5);
        using var manager = await _ui.SignInAsync(Roles.Manager);
        var url = $"/inventory/{item.Id}";
        Dictionary<string, string> Adjust(string reason) => new()
        {
            ["Adjust.LocationId"] = warehouse.Id.ToString(),
            ["Adjust.Quantity"] = "-2",
            ["Adjust.ReasonCode"] = reason,
            ["Adjust.IdempotencyKey"] = Guid.NewGuid().ToString(),
        };

        var refused = await Html.ReadAsync(await manager.SubmitFormAsync(url, $"{url}?handler=Adjust", Adjust("")));
        var adjusted = await Html.ReadAsync(await manager.SubmitFormAsync(url, $"{url}?handler=Adjust", Adjust("damaged")));

        Assert.Equal("A reason code is required.", Html.FieldError(refused, "Adjust.ReasonCode"));
        Assert.Equal("Adjusted by -2.", CatalogUi.Text(adjusted, "flash"));
        Assert.Contains("Damaged", CatalogUi.MovementRows(adjusted)[0]);
        Assert.Equal(3m, (await _ui.GetItemAsync(item.Id)).OnHand);
    }

    [Fact]
    public async Task The_dashboard_shows_catalog_figures_that_change_after_a_movement()
    {
        var category = await _ui.CategoryAsync(CatalogUi.Unique("Dash"));
        var item = await _ui.ItemAsync(CatalogUi.Unique("DASH"), unitCost: 7.25m, categoryId: category.Id);
        var warehouse = await _ui.WarehouseAsync(CatalogUi.Unique("WH"));
        using var manager = await _ui.SignInAsync(Roles.Manager);
        var before = await Html.ReadAsync(await manager.GetAsync("/dashboard"));
        var url = $"/inventory/{item.Id}";

        await manager.SubmitFormAsync(url, $"{url}?handler=Receive", new Dictionary<string, string>
        {
            ["Receive.LocationId"] = warehouse.Id.ToString(),
            ["Receive.Quantity"] = "1000",
            ["Receive.IdempotencyKey"] = Guid.NewGuid().ToString(),
        });
        var after = await Html.ReadAsync(await manager.GetAsync("/dashboard"));

        Assert.Equal("", Html.Cell(CategoryRow(before, category.Name), "value")); // no stock in it yet: no row
        Assert.Matches("^7,250.00 [A-Z]{3}$", Html.Cell(CategoryRow(after, category.Name), "value")); // in the company's currency
        Assert.True(int.Parse(CatalogUi.Text(after, "movements-today").Replace(",", "")) > int.Parse(CatalogUi.Text(before, "movements-today").Replace(",", "")));
        Assert.True(Html.HasId(after, "low-stock-count"));
        Assert.Contains("href=\"/inventory?lowStock=true\"", after);
        Assert.Contains("href=\"/replenishment\"", after);
        Assert.Equal(7250m, (await _ui.GetItemAsync(item.Id)).OnHand * 7.25m);
    }

    // The row of the category in the stock-value chart's table (the chart's figures for screen readers and tests).
    private static string CategoryRow(string html, string category) =>
        System.Text.RegularExpressions.Regex.Match(html,
            $"id=\"value-by-category\".*?<tr data-label=\"{System.Text.RegularExpressions.Regex.Escape(category)}\">(.*?)</tr>",
            System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;
}
