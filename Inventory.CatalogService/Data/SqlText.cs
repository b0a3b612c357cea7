namespace Inventory.CatalogService.Data;

/// <summary>SQL text of the model's constraints and filters, built from the constants they check (never from input).</summary>
internal static class SqlText
{
    public static string Literal(string value) => $"'{value.Replace("'", "''")}'";

    /// <summary><c>column IN ('a', 'b')</c>.</summary>
    public static string In(string column, IEnumerable<string> values) => $"{column} IN ({string.Join(", ", values.Select(Literal))})";
}
