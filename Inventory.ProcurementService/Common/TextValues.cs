namespace Inventory.ProcurementService.Common;

public static class TextValues
{
    /// <summary>Trimmed text, or null when blank: what procurement stores of an optional text field.</summary>
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
