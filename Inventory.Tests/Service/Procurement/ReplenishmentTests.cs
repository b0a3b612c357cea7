using System.Net;
using System.Net.Http.Json;
using Inventory.ProcurementService.PurchaseOrders;
using Inventory.ProcurementService.Replenishment;
using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.Service.Procurement;

[Collection(ServicesCollection.Name)]
public sealed class ReplenishmentTests(ServicesFixture fixture) : IAsyncLifetime
{
    private readonly ProcurementTestData _data = new(fixture);

    public Task InitializeAsync() => _data.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task StockAsync(Guid itemId, Guid location, decimal quantity)
    {
        var response = await _data.CatalogManager.PostAsJsonAsync("/api/movements/receipts", new { itemId, locationId = location, quantity });
        response.EnsureSuccessStatusCode();
    }

    private async Task<List<SuggestionGroup>> SuggestionsAsync() =>
        (await _data.Manager.GetFromJsonAsync<List<SuggestionGroup>>("/api/replenishment"))!;

    [Fact]
    public async Task Suggestions_are_net_of_stock_on_order_and_grouped_by_preferred_supplier()
    {
        var acme = await _data.SupplierAsync("Acme");
        var globex = await _data.SupplierAsync("Globex");
        var location = await _data.LocationAsync();
        var bolts = await _data.ItemAsync("BOLT", reorderPoint: 10, reorderQuantity: 50);   // 4 on hand: short
        var nuts = await _data.ItemAsync("NUT", reorderPoint: 10, reorderQuantity: 0);      // 2 on hand, 5 on order: short by 3
        var rods = await _data.ItemAsync("ROD", reorderPoint: 10, reorderQuantity: 20);     // 3 on hand, 20 on order: covered
        var pins = await _data.ItemAsync("PIN", reorderPoint: 5, reorderQuantity: 5);       // 50 on hand: fine
        await StockAsync(bolts.Id, location, 4);
        await StockAsync(nuts.Id, location, 2);
        await StockAsync(rods.Id, location, 3);
        await StockAsync(pins.Id, location, 50);
        await _data.SupplierItemAsync(acme.Id, bolts.Id, unitPrice: 0.5m, moq: 100, preferred: true);
        await _data.SupplierItemAsync(globex.Id, bolts.Id, unitPrice: 0.4m);
        await _data.SupplierItemAsync(globex.Id, nuts.Id, unitPrice: 0.1m, preferred: true);
        await _data.SupplierItemAsync(globex.Id, rods.Id, unitPrice: 2m);
        await _data.SubmittedAsync(globex.Id, (nuts.Id, 5, 0.1m), (rods.Id, 20, 2m));

        var groups = await SuggestionsAsync();

        Assert.Equal(["Acme", "Globex"], groups.Select(g => g.SupplierName));
        var bolt = Assert.Single(groups[0].Suggestions);
        Assert.Equal(("BOLT", 4m, 0m, 100m), (bolt.Sku, bolt.OnHand, bolt.OnOrder, bolt.SuggestedQuantity)); // 6 short + 50, raised to the MOQ
        var nut = Assert.Single(groups[1].Suggestions);
        Assert.Equal(("NUT", 2m, 5m, 3m), (nut.Sku, nut.OnHand, nut.OnOrder, nut.SuggestedQuantity)); // the shortfall
    }

    [Fact]
    public async Task Chosen_suggestions_become_one_draft_per_supplier_and_are_then_on_order()
    {
        var acme = await _data.SupplierAsync("Acme");
        var globex = await _data.SupplierAsync("Globex");
        var a = await _data.ItemAsync("A-1", reorderPoint: 10, reorderQuantity: 12);
        var b = await _data.ItemAsync("B-1", reorderPoint: 10, reorderQuantity: 7);
        var c = await _data.ItemAsync("C-1", reorderPoint: 10, reorderQuantity: 3);
        var orphan = await _data.ItemAsync("Z-1", reorderPoint: 10, reorderQuantity: 1);
        await _data.SupplierItemAsync(acme.Id, a.Id, 1m, preferred: true);
        await _data.SupplierItemAsync(acme.Id, b.Id, 2m, preferred: true);
        await _data.SupplierItemAsync(globex.Id, c.Id, 3m, preferred: true);

        var response = await _data.Manager.PostAsJsonAsync("/api/replenishment/drafts", new { itemIds = new[] { a.Id, b.Id, c.Id, orphan.Id } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = (await response.Content.ReadFromJsonAsync<CreateDraftsResult>())!;
        Assert.Equal(2, result.Drafts.Count);
        var acmeDraft = await _data.OrderAsync(result.Drafts.Single(d => d.SupplierId == acme.Id).PurchaseOrderId);
        Assert.Equal("Draft", acmeDraft.Status);
        Assert.Equal([("A-1", 22m, 1m), ("B-1", 17m, 2m)], acmeDraft.Lines.Select(l => (l.ItemSku, l.QuantityOrdered, l.UnitPrice)));
        Assert.Equal(orphan.Id, Assert.Single(result.Skipped).ItemId);

        // Drafts count as on order: asking again orders nothing twice.
        var again = (await (await _data.Manager.PostAsJsonAsync("/api/replenishment/drafts", new { itemIds = new[] { a.Id, b.Id, c.Id } }))
            .Content.ReadFromJsonAsync<CreateDraftsResult>())!;
        Assert.Empty(again.Drafts);
        Assert.Equal(3, again.Skipped.Count);
    }

    [Fact]
    public async Task Two_managers_creating_drafts_at_once_do_not_order_the_same_shortfall_twice()
    {
        var acme = await _data.SupplierAsync("Acme");
        var item = await _data.ItemAsync("A-1", reorderPoint: 10, reorderQuantity: 10);
        await _data.SupplierItemAsync(acme.Id, item.Id, 1m, preferred: true);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            _data.Manager.PostAsJsonAsync("/api/replenishment/drafts", new { itemIds = new[] { item.Id } })));

        Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var drafts = (await _data.Manager.GetFromJsonAsync<Inventory.ServiceDefaults.Kit.Page<PurchaseOrderSummaryDto>>("/api/purchase-orders?status=draft"))!;
        Assert.Single(drafts.Items);
    }

    [Fact]
    public async Task Creating_drafts_needs_items_to_be_chosen()
    {
        var response = await _data.Manager.PostAsJsonAsync("/api/replenishment/drafts", new { itemIds = Array.Empty<Guid>() });

        Assert.Contains("itemIds", (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).Keys);
    }
}
