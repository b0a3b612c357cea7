using Inventory.ProcurementService.Catalog;
using Inventory.ProcurementService.PurchaseOrders;
using Inventory.ProcurementService.Receiving;
using Inventory.ProcurementService.Replenishment;

namespace Inventory.Tests.Unit;

public sealed class ProcurementRulesTests
{
    private static CatalogItem Item(decimal onHand, decimal reorderPoint, decimal reorderQuantity, string unit = "each") =>
        new(Guid.NewGuid(), "SKU", "Name", unit, false, reorderPoint, reorderQuantity, onHand, null);

    [Theory]
    [InlineData(0, 10, 0, 10)]     // shortfall only
    [InlineData(0, 10, 25, 35)]    // shortfall plus reorder quantity
    [InlineData(8, 10, 0, 2)]
    [InlineData(10, 10, 5, 5)]     // at the reorder point: the reorder quantity
    [InlineData(2.5, 10, 0, 8)]    // indivisible unit: rounded up
    public void Suggested_quantity_orders_up_to_reorder_point_plus_reorder_quantity(decimal onHand, decimal point, decimal quantity, decimal expected) =>
        Assert.Equal(expected, ReplenishmentCalculator.Quantity(Item(onHand, point, quantity), 0, null));

    [Fact]
    public void Divisible_units_are_not_rounded_and_the_supplier_minimum_raises_the_quantity()
    {
        Assert.Equal(7.5m, ReplenishmentCalculator.Quantity(Item(2.5m, 10, 0, "kg"), 0, null));
        Assert.Equal(40m, ReplenishmentCalculator.Quantity(Item(0, 10, 0), 0, new SupplierTerms(Guid.NewGuid(), "S", 1, 40, true, "EUR")));
    }

    [Fact]
    public void Items_covered_by_stock_on_order_are_not_suggested()
    {
        var item = Item(3, 10, 5);

        Assert.Empty(ReplenishmentCalculator.Suggest([item], new Dictionary<Guid, decimal> { [item.Id] = 8 }, new Dictionary<Guid, IReadOnlyList<SupplierTerms>>()));
        Assert.Single(ReplenishmentCalculator.Suggest([item], new Dictionary<Guid, decimal> { [item.Id] = 7 }, new Dictionary<Guid, IReadOnlyList<SupplierTerms>>()));
    }

    [Fact]
    public void The_preferred_supplier_wins_over_a_cheaper_one()
    {
        var item = Item(0, 10, 5);
        var cheap = new SupplierTerms(Guid.NewGuid(), "Cheap", 1, 0, false, "EUR");
        var preferred = new SupplierTerms(Guid.NewGuid(), "Preferred", 2, 0, true, "EUR");

        var suggestion = ReplenishmentCalculator.Suggest([item], new Dictionary<Guid, decimal>(),
            new Dictionary<Guid, IReadOnlyList<SupplierTerms>> { [item.Id] = [cheap, preferred] }).Single();

        Assert.Equal("Preferred", suggestion.Supplier!.SupplierName);
    }

    [Theory]
    [InlineData(10, 0, 0, 10)]
    [InlineData(10, 4, 0, 6)]
    [InlineData(10, 4, 10, 7)]   // 10 % tolerance: up to 11 in all
    [InlineData(10, 12, 0, 0)]
    public void Receivable_is_what_is_open_plus_tolerance(decimal ordered, decimal received, decimal tolerance, decimal expected) =>
        Assert.Equal(expected, PurchaseOrderRules.Receivable(ordered, received, tolerance));

    [Fact]
    public void Status_after_receipt_is_received_only_when_every_line_is_complete()
    {
        Assert.Equal(PurchaseOrderStatus.PartiallyReceived, PurchaseOrderRules.AfterReceipt([(10m, 10m), (5m, 4m)]));
        Assert.Equal(PurchaseOrderStatus.Received, PurchaseOrderRules.AfterReceipt([(10m, 10m), (5m, 6m)]));
    }

    [Fact]
    public void An_order_needs_a_supplier_and_its_notes_no_nul_character()
    {
        var errors = PurchaseOrderRules.Validate(new CreatePurchaseOrderRequest(null, null, "rush\0", []));

        Assert.Equal(["notes", "supplierId"], errors.Keys.Order());
    }

    [Fact]
    public void Cancelling_is_refused_once_anything_was_received()
    {
        Assert.Null(PurchaseOrderRules.CheckTransition(PurchaseOrderStatus.Submitted, PurchaseOrderStatus.Cancelled, 1, anythingReceived: false));
        Assert.NotNull(PurchaseOrderRules.CheckTransition(PurchaseOrderStatus.Submitted, PurchaseOrderStatus.Cancelled, 1, anythingReceived: true));
    }

    [Theory]
    [InlineData(1, 0.0, 1000, 500)]
    [InlineData(2, 0.0, 2000, 1000)]
    [InlineData(3, 0.999, 4000, 3998)]
    [InlineData(30, 0.0, 300000, 150000)]   // capped at the maximum
    public void Retry_delay_doubles_with_jitter_and_is_capped(int attempts, double jitter, double expectedMaxMs, double expectedMs)
    {
        var delay = RetrySchedule.Delay(attempts, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5), jitter);

        Assert.InRange(delay.TotalMilliseconds, expectedMs - 1, expectedMs + 1);
        Assert.True(delay.TotalMilliseconds <= expectedMaxMs);
    }
}
