using Inventory.CatalogService.Common;
using Inventory.CatalogService.Items;
using Inventory.ServiceDefaults;

namespace Inventory.Tests.Unit;

public sealed class ItemCsvTests
{
    private static ItemCsv.Row Parse(Dictionary<string, string> fields, int row = 2) =>
        ItemCsv.Parse(row, column => fields.GetValueOrDefault(column));

    [Fact]
    public void A_row_becomes_the_request_it_describes()
    {
        var row = Parse(new() { ["sku"] = "A-1", ["name"] = "Widget", ["unit"] = "kg", ["unitCost"] = "12.50", ["category"] = " Tools / Hand ", ["barcode"] = "" });

        Assert.Empty(row.Errors);
        Assert.Equal((12.50m, "Tools / Hand", (string?)null), (row.Request.UnitCost!.Value, row.CategoryPath, row.Request.Barcode));
    }

    [Fact]
    public void Numbers_use_a_dot_whatever_the_server_culture_and_bad_values_are_reported_by_column()
    {
        var row = Parse(new() { ["sku"] = "A", ["name"] = "", ["unit"] = "each", ["unitCost"] = "12,50", ["reorderPoint"] = "-1", ["preferredSupplierId"] = "acme" });

        Assert.Equal(["name", "preferredSupplierId", "reorderPoint", "unitCost"], row.Errors.Keys.Order());
    }

    [Fact]
    public void Error_keys_name_the_row_and_the_field() => Assert.Equal("row 3: unitCost", ItemCsv.Key(3, "unitCost"));
}

public sealed class CursorTests
{
    [Fact]
    public void A_cursor_round_trips_its_parts_for_its_own_ordering_only()
    {
        var cursor = Cursor.Encode("name:desc", "Hex bolt, \"M6\"", "0190a1b2-0000-7000-8000-000000000001");
        Assert.True(Cursor.TryDecode(cursor, "name:desc", 2, out var parts));
        Assert.Equal(["Hex bolt, \"M6\"", "0190a1b2-0000-7000-8000-000000000001"], parts);
        Assert.False(Cursor.TryDecode(cursor, "name:asc", 2, out _));
        Assert.False(Cursor.TryDecode("not json", "name:desc", 2, out _));
    }

    [Theory]
    [InlineData("ten", false)]
    [InlineData("0", false)]
    [InlineData("20", true)]
    [InlineData(null, true)]
    public void Page_size_in_query_form_is_checked(string? pageSize, bool valid)
    {
        Assert.Equal(valid, PageRequest.Resolve(pageSize, null, out _, out _, out var errors));
        Assert.Equal(!valid, errors.ContainsKey("pageSize"));
    }
}
