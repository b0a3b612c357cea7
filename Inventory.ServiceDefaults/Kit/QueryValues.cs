using System.Globalization;

namespace Inventory.ServiceDefaults.Kit;

/// <summary>
/// Query-string values parsed by the handler, not the binder, so a bad value is a 400 that names its parameter
/// (the binder's own failure cannot say which one it was). Each adds its message to <c>errors</c> under the parameter's name.
/// </summary>
public static class QueryValues
{
    public static Guid? Guid(Dictionary<string, string[]> errors, string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        if (System.Guid.TryParse(value, out var id) && id != System.Guid.Empty)
            return id;
        errors[name] = ["Not a valid id."];
        return null;
    }

    public static bool Bool(Dictionary<string, string[]> errors, string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return false;
        if (bool.TryParse(value, out var flag))
            return flag;
        errors[name] = ["Must be true or false."];
        return false;
    }

    public static int? Int(Dictionary<string, string[]> errors, string name, string? value, int min, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
            return number;
        errors[name] = [$"Must be a whole number from {min} to {max}."];
        return null;
    }

    public static string OneOf(Dictionary<string, string[]> errors, string name, string? value, string fallback, params string[] allowed)
    {
        if (string.IsNullOrWhiteSpace(value))
            return fallback;
        var match = allowed.FirstOrDefault(a => string.Equals(a, value.Trim(), StringComparison.OrdinalIgnoreCase));
        if (match is not null)
            return match;
        errors[name] = [$"Must be one of: {string.Join(", ", allowed)}."];
        return fallback;
    }

    /// <summary>An enum value by its name (case-insensitive), or null when absent.</summary>
    public static TEnum? Enum<TEnum>(Dictionary<string, string[]> errors, string name, string? value) where TEnum : struct, System.Enum
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        if (System.Enum.TryParse<TEnum>(value.Trim(), ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed))
            return parsed;
        errors[name] = [$"Must be one of: {string.Join(", ", System.Enum.GetNames<TEnum>())}."];
        return null;
    }

    public static DateTimeOffset? Time(Dictionary<string, string[]> errors, string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
            return time.ToUniversalTime();
        errors[name] = ["Not a valid date or time (ISO 8601, e.g. 2026-11-29 or 2026-11-29T10:00:00Z)."];
        return null;
    }

    /// <summary>Free text (a search), trimmed; null when blank. PostgreSQL cannot store or compare a NUL character.</summary>
    public static string? Text(Dictionary<string, string[]> errors, string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        if (value.Contains('\0'))
        {
            errors[name] = ["Must not contain a NUL character."];
            return null;
        }
        return value.Trim();
    }
}
