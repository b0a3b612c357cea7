using System.Globalization;
using CsvHelper;

namespace Inventory.CatalogService.Items;

/// <summary>
/// Reads an item CSV file into parsed rows and every problem found, keyed "row N: field" (or "header" / "body"
/// for the file as a whole): SKUs and barcodes repeated within the file are reported on their later rows.
/// It takes files as spreadsheets save them: the separator (<c>,</c> <c>;</c> or tab) is CsvHelper's guess from the
/// first lines, a UTF-8 byte order mark and Windows line endings are read as nothing special, and a <c>;</c>-separated
/// file may write decimals with a comma.
/// </summary>
public static class ItemCsvReader
{
    public static async Task<(List<ItemCsv.Row> Rows, Dictionary<string, string[]> Errors)> ReadAsync(Stream body, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var rows = new List<ItemCsv.Row>();
        var options = new CsvReaderOptions { Separator = null, HasHeader = true, MalformedData = CsvMalformedDataHandling.Throw, FormatProvider = CultureInfo.InvariantCulture };
        await using var csv = CsvReader.Create(body, options, leaveOpen: true);
        try
        {
            await csv.ReadHeaderAsync(ct);
            var columns = csv.Headers.Select(h => h.Trim()).ToArray();
            if (columns.Length == 0 || columns.All(string.IsNullOrEmpty))
            {
                errors["body"] = ["The CSV file is empty: it needs a header row and at least one item."];
                return (rows, errors);
            }
            var known = columns.ToHashSet(StringComparer.OrdinalIgnoreCase);
            var missing = ItemCsv.Required.Where(c => !known.Contains(c)).ToList();
            if (missing.Count > 0)
            {
                errors["header"] = [$"Missing column(s): {string.Join(", ", missing)}. Columns: {string.Join(",", ItemCsv.Columns)}, separated by commas, semicolons or tabs."];
                return (rows, errors);
            }
            var index = ItemCsv.Columns.ToDictionary(c => c, c => Array.FindIndex(columns, h => string.Equals(h, c, StringComparison.OrdinalIgnoreCase)));
            var decimalComma = csv.Separator == ';';
            var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            while (await csv.ReadAsync(ct))
            {
                var number = (int)csv.RowNumber + 1; // the header is row 1
                if (rows.Count >= ItemCsv.MaxRows)
                {
                    errors["body"] = [$"At most {ItemCsv.MaxRows} items per file."];
                    return (rows, errors);
                }
                var row = ItemCsv.Parse(number, column => index[column] is var i and >= 0 && i < csv.FieldCount ? csv.GetString(i) : null, decimalComma);
                foreach (var (field, messages) in row.Errors)
                    errors[ItemCsv.Key(number, field)] = messages;
                var sku = row.Request.Sku?.Trim();
                if (!string.IsNullOrEmpty(sku) && !row.Errors.ContainsKey("sku"))
                {
                    if (seen.TryGetValue(sku, out var first))
                        ImportErrors.Add(errors, ItemCsv.Key(number, "sku"), $"SKU '{sku}' is also on row {first}.");
                    else
                        seen[sku] = number;
                }
                rows.Add(row);
            }
        }
        catch (CsvFormatException ex)
        {
            errors["body"] = [$"The file is not valid CSV (record {ex.RecordNumber}): a stray or unclosed quote?"];
            return (rows, errors);
        }
        var duplicateBarcodes = rows.Where(r => ItemRules.NormalizeBarcode(r.Request.Barcode) is not null)
            .GroupBy(r => ItemRules.NormalizeBarcode(r.Request.Barcode)).Where(g => g.Count() > 1);
        foreach (var group in duplicateBarcodes)
        {
            foreach (var row in group.Skip(1))
                ImportErrors.Add(errors, ItemCsv.Key(row.Number, "barcode"), $"Barcode '{group.Key}' is also on row {group.First().Number}.");
        }
        if (rows.Count == 0 && errors.Count == 0)
            errors["body"] = ["The file has a header but no items."];
        return (rows, errors);
    }
}
