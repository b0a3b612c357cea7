using Inventory.CatalogService.Stock;

namespace Inventory.Tests.Unit;

public sealed class StockRulesTests
{
    [Theory]
    [InlineData("each", 3, true)]
    [InlineData("each", 0.5, false)]
    [InlineData("box", -2, true)]
    [InlineData("box", -2.1, false)]
    [InlineData("kg", 0.125, true)]
    [InlineData("m", 2.75, true)]
    public void Quantities_respect_the_unit(string unit, decimal quantity, bool fits) =>
        Assert.Equal(fits, StockRules.FitsUnit(unit, quantity));

    [Theory]
    [InlineData(null, "quantity")]
    [InlineData(0.0, "quantity")]
    [InlineData(-1.0, "quantity")]
    [InlineData(1.00001, "quantity")]
    public void Receipts_and_issues_need_a_positive_quantity_of_at_most_four_decimals(double? quantity, string field) =>
        Assert.Contains(field, StockRules.Validate(new StockChangeRequest(Guid.NewGuid(), Guid.NewGuid(), (decimal?)quantity, null, null)).Keys);

    [Fact]
    public void Adjustments_may_be_negative_but_need_a_known_reason()
    {
        Assert.Empty(StockRules.Validate(new AdjustmentRequest(Guid.NewGuid(), Guid.NewGuid(), -2, "damaged", null, null)));
        Assert.Contains("reasonCode", StockRules.Validate(new AdjustmentRequest(Guid.NewGuid(), Guid.NewGuid(), -2, "because", null, null)).Keys);
    }

    [Fact]
    public void A_transfer_needs_two_different_locations()
    {
        var here = Guid.NewGuid();

        Assert.Contains("toLocationId", StockRules.Validate(new TransferRequest(Guid.NewGuid(), here, here, 1, null, null)).Keys);
    }
}

public sealed class IdempotencyRulesTests
{
    [Fact]
    public void The_hash_ignores_member_order_and_whitespace_of_the_body()
    {
        var a = IdempotencyRules.Hash("POST", "/api/movements/issues", System.Text.Json.Nodes.JsonNode.Parse("""{"a":1,"b":{"x":true,"y":"z"}}"""));
        var b = IdempotencyRules.Hash("post", "/API/movements/issues", System.Text.Json.Nodes.JsonNode.Parse("""{ "b": { "y": "z", "x": true }, "a": 1 }"""));

        Assert.Equal(a, b);
    }

    [Fact]
    public void The_hash_differs_for_another_body_path_or_method()
    {
        var body = new { quantity = 1 };
        var hash = IdempotencyRules.Hash("POST", "/api/movements/issues", body);

        Assert.NotEqual(hash, IdempotencyRules.Hash("POST", "/api/movements/issues", new { quantity = 2 }));
        Assert.NotEqual(hash, IdempotencyRules.Hash("POST", "/api/movements/receipts", body));
        Assert.NotEqual(hash, IdempotencyRules.Hash("PUT", "/api/movements/issues", body));
    }

    [Theory]
    [InlineData("ok-key_1", true)]
    [InlineData("", false)]
    [InlineData("with space", false)]
    [InlineData("ünï", false)]
    public void Keys_are_printable_ascii(string key, bool valid) => Assert.Equal(valid, IdempotencyRules.ValidateKey(key) is null);
}
