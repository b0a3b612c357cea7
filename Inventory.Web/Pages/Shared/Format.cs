using System.Globalization;
using Inventory.ServiceDefaults;
using Inventory.ServiceDefaults.Security;

namespace Inventory.Web.Pages.Shared;

/// <summary>How the pages write numbers, money and times: one culture-independent form everywhere (times in UTC).</summary>
public static class Format
{
    public static string Quantity(decimal value) => value.ToString("#,0.####", CultureInfo.InvariantCulture);

    public static string Money(decimal value, string currency) => $"{value.ToString("#,0.00##", CultureInfo.InvariantCulture)} {currency}";

    public static string Date(DateOnly? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";

    public static string Time(DateTimeOffset? value) =>
        value?.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "—";

    /// <summary>A movement type in words ("Transfer in", not <c>transfer_in</c>).</summary>
    public static string MovementType(string type) => type switch
    {
        "receipt" => "Receipt",
        "issue" => "Issue",
        "adjustment" => "Adjustment",
        "transfer_out" => "Transfer out",
        "transfer_in" => "Transfer in",
        "count" => "Count",
        _ => type,
    };

    /// <summary>How a movement reached the ledger, in words: "via purchase orders" for procurement's postings; empty when booked here.</summary>
    public static string Channel(string? channel) => channel switch
    {
        null or "" => "",
        TokenClaims.ServiceSubjectPrefix + ResourceNames.Procurement => "via purchase orders",
        _ => $"via {channel.Replace(TokenClaims.ServiceSubjectPrefix, "", StringComparison.Ordinal)}",
    };

    /// <summary>A decimal as a form field value (invariant, no grouping), so it binds back to the same number.</summary>
    public static string? Input(decimal? value) => value?.ToString("0.####", CultureInfo.InvariantCulture);
}
