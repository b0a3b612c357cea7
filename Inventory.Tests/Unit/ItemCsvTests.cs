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
