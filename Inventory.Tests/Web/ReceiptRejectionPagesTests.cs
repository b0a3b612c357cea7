using System.Net;
using Inventory.CatalogService.Locations;
using Inventory.ProcurementService.PurchaseOrders;
using Inventory.ProcurementService.Receiving;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.Web;

/// <summary>A received line the catalog refused: shown on its order and counted on the dashboard, resolved from the order page.</summary>
[Collection(WebAppCollection.Name)]
public sealed class ReceiptRejectionPagesTests(WebAppFixture fixture) : IDisposable
{
    private readonly ProcurementUi _ui = new(fixture);

    public void Dispose() => _ui.Dispose();

    /// <summary>An order whose receipt went into a location archived since: the catalog rejects its line.</summary>
    private async Task<(PurchaseOrderDto Order, Guid ItemId, LocationDto Archived, ReceiptLineDto Line)> RejectedAsync()
    {
        var item = await _ui.ItemAsync(ProcurementUi.Unique("SKU"));
        var warehouse = await _ui.WarehouseAsync(ProcurementUi.Unique("OLD"));
        var supplier = await _ui.SupplierAsync(ProcurementUi.Unique("Vendor"));
        var order = await _ui.SubmittedOrderAsync(supplier.Id, item.Id, quantity: 10, unitPrice: 2);
        // Received while the location was active (receiving checks it), archived before the line could post.
        fixture.Services.PostingLink.Down = true;
        await _ui.ReceiveAsync(order, warehouse.Id, 4);
        await _ui.SetLocationArchivedAsync(warehouse.Id, archived: true);
        fixture.Services.PostingLink.Reset();
        var line = (await _ui.WaitForPostingStateAsync(order.Id, "Rejected")).Single();
        return (order, item.Id, warehouse, line);
    }

    [Fact]
    public async Task A_rejected_line_shows_on_its_order_and_the_dashboard_and_a_retry_submitted_twice_posts_it_once()
    {
        var (order, itemId, archived, line) = await RejectedAsync();
        using var clerk = await _ui.SignInAsync(Roles.Clerk);
        using var viewer = await _ui.SignInAsync(Roles.Viewer);
        var detailsPath = $"/purchase-orders/{order.Id}";

        var page = await Html.ReadAsync(await clerk.GetAsync(detailsPath));
        var dashboard = await Html.ReadAsync(await clerk.GetAsync("/dashboard"));
        var viewerPage = await Html.ReadAsync(await viewer.GetAsync(detailsPath));

        // Which line, why, and what to do — and the order stays what it is: the goods were received.
        Assert.True(Html.HasId(page, "rejected-lines"));
        Assert.Contains("data-posting-state=\"Rejected\"", Html.Row(page, "receipts", order.Lines[0].ItemSku));
        var resolution = Html.Decode(page);
        Assert.Contains($"Location {archived.Code} is archived", resolution);
        Assert.Contains("restore the archived item or location", resolution);
        Assert.True(Html.HasId(page, $"retry-{line.Id}") && Html.HasId(page, $"move-{line.Id}"));
        Assert.Equal("PartiallyReceived", Html.OrderStatus(page));
        Assert.True(Html.HasId(dashboard, "receipt-attention"));
        Assert.Contains($"data-attention-order=\"{order.Number}\"", dashboard);
        Assert.Contains($"href=\"{detailsPath}\"", dashboard);
        Assert.False(Html.HasId(viewerPage, $"retry-{line.Id}"));

        await _ui.SetLocationArchivedAsync(archived.Id, archived: false);
        var retry = new Dictionary<string, string> { ["lineId"] = line.Id.ToString(), ["IdempotencyKey"] = Html.InputValue(page, "IdempotencyKey")! };
        var first = await clerk.SubmitFormAsync(detailsPath, $"{detailsPath}?handler=RetryLine", retry);
        var second = await clerk.SubmitFormAsync(detailsPath, $"{detailsPath}?handler=RetryLine", retry);

        Assert.Equal(detailsPath, first.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("posted to stock again", await Html.ReadAsync(first));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode); // the replay of the first answer, not a refusal
        await _ui.WaitForPostingStateAsync(order.Id, "Posted");
        var (stock, receipts) = await _ui.StockAsync(itemId);
        Assert.Equal(new Dictionary<Guid, decimal> { [archived.Id] = 4m }, stock);
        Assert.Equal(1, receipts);
        var after = await Html.ReadAsync(await clerk.GetAsync("/dashboard"));
        Assert.DoesNotContain($"data-attention-order=\"{order.Number}\"", after);
        Assert.False(Html.HasId(await Html.ReadAsync(await clerk.GetAsync(detailsPath)), "rejected-lines"));
    }

    [Fact]
    public async Task A_clerk_moves_a_rejected_line_into_another_location_from_the_order_page()
    {
        var (order, itemId, archived, line) = await RejectedAsync();
        var other = await _ui.WarehouseAsync(ProcurementUi.Unique("NEW"));
        using var clerk = await _ui.SignInAsync(Roles.Clerk);
        var detailsPath = $"/purchase-orders/{order.Id}";
        var page = await Html.ReadAsync(await clerk.GetAsync(detailsPath));
        // The move form's picker renders no location until one is chosen: it finds them as the user types (issue 14).
        Assert.DoesNotContain($"value=\"{other.Id}\"", page);
        Assert.Matches("<select[^>]*name=\"locationId\"[^>]*data-picker=\"locations\"[^>]*data-picker-preload", page);
        Assert.Contains($"{archived.Code}", Html.Decode(page));

        var moved = await clerk.SubmitFormAsync(detailsPath, $"{detailsPath}?handler=MoveLine", new Dictionary<string, string>
        {
            ["lineId"] = line.Id.ToString(),
            ["locationId"] = other.Id.ToString(),
            ["IdempotencyKey"] = Html.InputValue(page, "IdempotencyKey")!,
        });

        Assert.Contains("posted to stock again", await Html.ReadAsync(moved));
        await _ui.WaitForPostingStateAsync(order.Id, "Posted");
        var (stock, receipts) = await _ui.StockAsync(itemId);
        Assert.Equal(new Dictionary<Guid, decimal> { [other.Id] = 4m }, stock);
        Assert.Equal(1, receipts);
        var row = Html.Row(await Html.ReadAsync(await clerk.GetAsync(detailsPath)), "receipts", order.Lines[0].ItemSku);
        Assert.Contains(other.Code, Html.Cell(row, "moved-to"));
    }

    [Fact]
    public async Task Moving_without_a_location_shows_the_refusal_on_the_order_page_and_changes_nothing()
    {
        var (order, _, _, line) = await RejectedAsync();
        using var clerk = await _ui.SignInAsync(Roles.Clerk);
        var detailsPath = $"/purchase-orders/{order.Id}";

        var refused = await Html.ReadAsync(await clerk.SubmitFormAsync(detailsPath, $"{detailsPath}?handler=MoveLine",
            new Dictionary<string, string> { ["lineId"] = line.Id.ToString(), ["locationId"] = "" }));

        Assert.Contains("Location is required.", refused);
        Assert.Equal("Rejected", (await _ui.ReceiptLinesAsync(order.Id)).Single().PostingState);
    }
}
