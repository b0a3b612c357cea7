using System.Globalization;
using Microsoft.AspNetCore.Html;
using Inventory.ServiceDefaults;
using Inventory.ServiceDefaults.Security;

namespace Inventory.Web.Pages.Shared;

/// <summary>How the pages write numbers, money and times: one culture-independent form everywhere (times in the viewer's zone).</summary>
public static class Format
{
    public static string Quantity(decimal value) => value.ToString("#,0.####", CultureInfo.InvariantCulture);

    public static string Money(decimal value, string currency) => $"{value.ToString("#,0.00##", CultureInfo.InvariantCulture)} {currency}";

    public static string Date(DateOnly? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";

    /// <summary>
    /// A moment in the viewer's time zone (<see cref="ViewerTimeZone"/>), as a <c>&lt;time&gt;</c> whose title gives it in UTC
    /// for comparing across sites: <c>&lt;time datetime="2026-12-01T17:19:06Z" title="2026-12-01 17:19 UTC"&gt;2026-12-01 18:19&lt;/time&gt;</c>.
    /// </summary>
    public static IHtmlContent Time(DateTimeOffset? value)
    {
        if (value is not { } moment)
            return new HtmlString("—");
        var utc = moment.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var iso = moment.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return new HtmlString($"<time datetime=\"{iso}\" title=\"{utc}\">{TimeText(moment)}</time>");
    }

    /// <summary>A moment as text in the viewer's zone ("2026-12-01 18:19"; "… UTC" when that is the zone).</summary>
    public static string TimeText(DateTimeOffset value)
    {
        var zone = ViewerTimeZone.Current;
        return zone.HasSameRules(TimeZoneInfo.Utc)
            ? value.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)
            : TimeZoneInfo.ConvertTime(value, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
    }

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
