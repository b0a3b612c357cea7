using System.Globalization;

namespace Inventory.CatalogService.Items;

/// <summary>
/// The item CSV format, shared by export and import. Import needs <c>sku</c>, <c>name</c> and <c>unit</c>; the
/// other columns are optional and an absent column means "empty" (the default). <c>category</c> is a category
/// path as lists show it ("Hardware / Fasteners"). Export's <c>archived</c> and <c>onHand</c> are ignored on import.
/// </summary>
public static class ItemCsv
{
    public const int MaxRows = 50_000;

    public static readonly string[] Columns =
        ["sku", "name", "description", "category", "unit", "barcode", "unitCost", "reorderPoint", "reorderQuantity", "preferredSupplierId", "archived", "onHand"];

    public static readonly string[] Required = ["sku", "name", "unit"];

    /// <summary>Columns read as numbers or ids; every other column is text, neutralised against formulas on export.</summary>
    private static readonly HashSet<string> NumericColumns = ["unitCost", "reorderPoint", "reorderQuantity", "preferredSupplierId"];

    /// <summary>A data row as parsed: the request it describes, the category path it names, and its field errors.</summary>
    public sealed record Row(int Number, CreateItemRequest Request, string? CategoryPath, Dictionary<string, string[]> Errors);

    /// <summary>
    /// Parses one row (field name → raw text); errors are keyed by the column name. With <paramref name="decimalComma"/>
    /// (a <c>;</c>-separated file, as European spreadsheets save them) a number may be written "12,50" too.
    /// </summary>
    public static Row Parse(int number, Func<string, string?> cell, bool decimalComma = false)
    {
        // Numbers are parsed as written; text cells lose the quote an export added against formulas.
        string? Field(string column) => NumericColumns.Contains(column)
            ? cell(column)
            : CsvCells.Restore(cell(column));
        var errors = new Dictionary<string, string[]>();
        var request = new CreateItemRequest
        {
            Sku = Field("sku"),
            Name = Field("name"),
            Description = Empty(Field("description")),
            Unit = Field("unit"),
            UnitCost = Amount(errors, "unitCost", Field("unitCost"), decimalComma),
            ReorderPoint = Amount(errors, "reorderPoint", Field("reorderPoint"), decimalComma),
            ReorderQuantity = Amount(errors, "reorderQuantity", Field("reorderQuantity"), decimalComma),
            Barcode = Empty(Field("barcode")),
            PreferredSupplierId = SupplierId(errors, Field("preferredSupplierId")),
        };
        foreach (var (key, messages) in ItemRules.Validate(request))
            errors.TryAdd(key, messages);
        var category = Empty(Field("category"))?.Trim();
        TextFields.RefuseNul(errors, ("category", category));
        return new Row(number, request, category, errors);
    }

    /// <summary>The error key of a field of a row, e.g. "row 3: unitCost" (rows are numbered as in the file; the header is row 1).</summary>
    public static string Key(int row, string field) => $"row {row}: {field}";

    private static string? Empty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static decimal? Amount(Dictionary<string, string[]> errors, string field, string? text, bool decimalComma)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        // No thousands separators: "12,50" in a comma-separated file is an error, not 1250; in a ;-separated file it
        // is 12.50, and a number with both a comma and a dot is refused rather than guessed.
        var number = text.Trim();
        if (decimalComma && !number.Contains('.'))
            number = number.Replace(',', '.');
        if (decimal.TryParse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            return value;
        errors[field] = [decimalComma
            ? "Not a number (a comma or a dot for decimals, no thousands separators, e.g. 12,50)."
            : "Not a number (use a dot for decimals, e.g. 12.50)."];
        return null;
    }

    private static Guid? SupplierId(Dictionary<string, string[]> errors, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (Guid.TryParse(text.Trim(), out var id))
            return id;
        errors["preferredSupplierId"] = ["Not a valid supplier id."];
        return null;
    }
}
