using Inventory.CatalogService.Items;

namespace Inventory.Tests.Unit;

public sealed class ItemRulesTests
{
    private static CreateItemRequest Valid => new() { Sku = "SKU-1", Name = "Widget", Unit = "each", UnitCost = 1m, ReorderPoint = 0m, ReorderQuantity = 0m };

    [Fact]
    public void A_complete_request_has_no_errors() => Assert.Empty(ItemRules.Validate(Valid));

    [Theory]
    [InlineData("A")]
    [InlineData("abc.DEF_123/x-y")]
    public void Skus_of_the_documented_characters_are_accepted(string sku) =>
        Assert.Empty(ItemRules.Validate(Valid with { Sku = sku }));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("A B")]
    [InlineData("Ä1")]
    [InlineData("A#1")]
    public void Other_skus_are_rejected(string sku) =>
        Assert.Contains("sku", ItemRules.Validate(Valid with { Sku = sku }).Keys);

    [Fact]
    public void Sku_is_checked_after_trimming() =>
        Assert.Empty(ItemRules.Validate(Valid with { Sku = "  " + new string('X', ItemRules.SkuMaxLength) + "  " }));

    [Fact]
    public void Units_are_matched_without_regard_to_case() =>
        Assert.Empty(ItemRules.Validate(Valid with { Unit = "KG" }));

    [Fact]
    public void Every_bad_field_is_reported_at_once()
    {
        var errors = ItemRules.Validate(new CreateItemRequest
        {
            Description = new string('d', 2001), Unit = "furlong", UnitCost = -1m, ReorderPoint = -1m, ReorderQuantity = -1m,
        });

        Assert.Equal(["description", "name", "reorderPoint", "reorderQuantity", "sku", "unit", "unitCost"], errors.Keys.Order());
    }
}
