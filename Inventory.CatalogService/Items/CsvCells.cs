namespace Inventory.CatalogService.Items;

/// <summary>
/// CSV-injection defence (OWASP): a spreadsheet runs a cell that begins with <c>=</c>, <c>+</c>, <c>-</c>,
/// <c>@</c>, a tab or a carriage return as a formula, so exports write such text cells with a leading
/// <c>'</c>, which spreadsheets show as text and do not display. Only text columns go through here: numbers
/// (an on-hand of -3) must stay numbers.
/// <para>
/// Import undoes exactly what export did, so an exported file imports back unchanged: it strips one leading
/// <c>'</c> only where export would have added it — when the rest is itself a cell export neutralises.
/// Export therefore also quotes a value that already looks neutralised (<c>'=x</c> becomes <c>''=x</c>),
/// and <see cref="Restore"/>(<see cref="Neutralise"/>(v)) is v for every v.
/// </para>
/// </summary>
public static class CsvCells
{
    public const char Quote = '\'';

    /// <summary>A number as every export writes it: invariant, without trailing zeros (12.5, not 12.5000).</summary>
    public static string Number(decimal value) => (value / 1.0000000000000000000000000000m).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Neutralise(string? text) =>
        string.IsNullOrEmpty(text) ? "" : NeedsQuote(text) ? Quote + text : text;

    public static string? Restore(string? text) =>
        text is [Quote, .. var rest] && NeedsQuote(rest) ? rest : text;

    private static bool NeedsQuote(string text) => text switch
    {
        ['=' or '+' or '-' or '@' or '\t' or '\r', ..] => true,
        [Quote, .. var rest] => NeedsQuote(rest),
        _ => false,
    };
}
