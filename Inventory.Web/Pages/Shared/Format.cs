using System.Globalization;

namespace Inventory.Web.Pages.Shared;

/// <summary>How the pages write numbers, money and times: one culture-independent form everywhere (times in UTC).</summary>
public static class Format
{
    public static string Quantity(decimal value) => value.ToString("#,0.####", CultureInfo.InvariantCulture);

    public static string Money(decimal value, string currency) => $"{value.ToString("#,0.00##", CultureInfo.InvariantCulture)} {currency}";

    public static string Date(DateOnly? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";

    public static string Time(DateTimeOffset? value) =>
        value?.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "—";

    /// <summary>A decimal as a form field value (invariant, no grouping), so it binds back to the same number.</summary>
    public static string? Input(decimal? value) => value?.ToString("0.####", CultureInfo.InvariantCulture);
}
