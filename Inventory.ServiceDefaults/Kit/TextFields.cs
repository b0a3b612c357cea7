namespace Inventory.ServiceDefaults.Kit;

/// <summary>
/// String fields of a request body. PostgreSQL cannot store (or compare) a NUL character, so a field holding one is
/// a 400 naming the field, as <see cref="QueryValues.Text"/> does for query parameters, instead of a failed statement.
/// </summary>
public static class TextFields
{
    /// <summary>An optional text field as stored: trimmed, or null when blank.</summary>
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public const string NulMessage = "Must not contain a NUL character.";

    /// <summary>Adds <see cref="NulMessage"/> under each field whose value contains NUL, in place of any other message for it.</summary>
    public static void RefuseNul(Dictionary<string, string[]> errors, params (string Field, string? Value)[] fields)
    {
        foreach (var (field, value) in fields)
        {
            if (value?.Contains('\0') == true)
                errors[field] = [NulMessage];
        }
    }
}
