using System.Globalization;

namespace Inventory.Web.Settings;

/// <summary>ISO 4217 currency codes as .NET's culture data (ICU) knows them: "EUR" passes, "EUX" and "eu" do not.</summary>
public static class CurrencyCodes
{
    private static readonly Lazy<HashSet<string>> Known = new(() => CultureInfo.GetCultures(CultureTypes.SpecificCultures)
        .Select(c => { try { return new RegionInfo(c.Name).ISOCurrencySymbol; } catch (ArgumentException) { return null; } })
        .Where(code => code is { Length: 3 }).ToHashSet(StringComparer.Ordinal)!);

    public const string Message = "Enter a three-letter ISO 4217 currency code, such as USD, EUR or GBP.";

    /// <summary>The code upper-cased, or null when it is not a currency.</summary>
    public static string? Normalize(string? code)
    {
        var upper = code?.Trim().ToUpperInvariant();
        return upper is { Length: 3 } && Known.Value.Contains(upper) ? upper : null;
    }
}
