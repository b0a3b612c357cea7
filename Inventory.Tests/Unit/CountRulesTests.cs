using Inventory.CatalogService.Counts;

namespace Inventory.Tests.Unit;

public sealed class CountRulesTests
{
    [Theory]
    [InlineData(10, 0, 8, -2)]    // two missing
    [InlineData(10, -3, 7, 0)]    // three issued during the count: nothing missing
    [InlineData(10, -3, 6, -1)]
    [InlineData(0, 5, 6, 1)]      // received during the count, one more found
    [InlineData(2.5, 0.25, 2.75, 0)]
    public void Variance_is_counted_minus_snapshot_plus_movements_since(decimal snapshot, decimal since, decimal counted, decimal variance) =>
        Assert.Equal(variance, CountRules.Variance(counted, snapshot, since));

    [Fact]
    public void Counted_lines_must_be_whole_known_and_not_negative()
    {
        var errors = CountRules.Validate(new RecordCountsRequest([new CountedLine(Guid.NewGuid(), -1), new CountedLine(null, 1), new CountedLine(Guid.NewGuid(), 1.00001m)]));

        Assert.Equal(["lines[0].countedQuantity", "lines[1].itemId", "lines[2].countedQuantity"], errors.Keys.Order());
    }

    [Fact]
    public void Opening_needs_a_location_and_distinct_items()
    {
        var id = Guid.NewGuid();

        Assert.Contains("locationId", CountRules.Validate(new OpenCountRequest(null, null, null, null)).Keys);
        Assert.Contains("itemIds", CountRules.Validate(new OpenCountRequest(Guid.NewGuid(), [id, id], null, null)).Keys);
        Assert.Empty(CountRules.Validate(new OpenCountRequest(Guid.NewGuid(), [id], true, "aisle A")));
    }
}
