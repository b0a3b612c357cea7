using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inventory.ServiceDefaults.Kit;

/// <summary>
/// Money and quantities. Every such column of both services is numeric(18,4) (<see cref="HasAmountPrecision"/>), and
/// every such request field is checked against that column (<see cref="Check"/>) before it reaches the database, so a
/// value too large or too precise to store is a 400 naming the field, never PostgreSQL's numeric overflow.
/// </summary>
public static class Amounts
{
    public const int Precision = 18;
    public const int Scale = 4;

    /// <summary>The largest value numeric(<see cref="Precision"/>, <see cref="Scale"/>) holds: 14 digits, then 4 decimals.</summary>
    public const decimal Max = 99_999_999_999_999.9999m;

    public const string TooLarge = "Is too large.";
    public static readonly string TooPrecise = $"At most {Scale} decimal places.";

    /// <summary>Stores the property as every amount is stored.</summary>
    public static PropertyBuilder<T> HasAmountPrecision<T>(this PropertyBuilder<T> property) => property.HasPrecision(Precision, Scale);

    /// <summary>
    /// Adds the reason under <paramref name="field"/> when <paramref name="value"/> does not fit the column (the sign is the
    /// caller's rule); true when it fits or is absent.
    /// </summary>
    public static bool Check(Dictionary<string, string[]> errors, string field, decimal? value)
    {
        if (value is not { } v)
            return true;
        if (Math.Abs(v) > Max)
            errors[field] = [TooLarge];
        else if (decimal.Round(v, Scale) != v)
            errors[field] = [TooPrecise];
        else
            return true;
        return false;
    }
}
