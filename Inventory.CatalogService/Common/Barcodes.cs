using System.Text.RegularExpressions;

namespace Inventory.CatalogService.Common;

/// <summary>What a scannable code (an item's or a location's barcode) may hold: the rule both share.</summary>
public static partial class Barcodes
{
    public const int MaxLength = 64;

    // Printable ASCII without spaces: every linear barcode symbology's payload fits.
    [GeneratedRegex("^[!-~]+$")]
    private static partial Regex Characters();

    public static string? Normalize(string? barcode) => string.IsNullOrWhiteSpace(barcode) ? null : barcode.Trim();

    /// <summary>What codes are matched by when scanned: the code regardless of case (the columns' upper()).</summary>
    public static string Key(string code) => code.Trim().ToUpperInvariant();

    /// <summary>Adds the error for <paramref name="field"/> when the (normalized) barcode is too long or not printable ASCII.</summary>
    public static void Check(Dictionary<string, string[]> errors, string field, string? barcode)
    {
        if (barcode is { Length: > MaxLength })
            errors[field] = [$"Barcode must be at most {MaxLength} characters."];
        else if (barcode is not null && !Characters().IsMatch(barcode))
            errors[field] = ["Barcode may contain only printable ASCII characters without spaces."];
    }
}
