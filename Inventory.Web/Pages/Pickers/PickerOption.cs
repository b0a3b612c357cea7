namespace Inventory.Web.Pages.Pickers;

/// <summary>
/// One choice of a picker as <c>wwwroot/js/pickers.js</c> reads it: the select's value, the text it shows, what a
/// typed search matches, and the codes a scanner types that select it outright (a SKU, a barcode, a location code).
/// </summary>
public sealed record PickerOption(string Value, string Text, string Search, IReadOnlyList<string> Codes);
