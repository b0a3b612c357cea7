using System.Globalization;

namespace Inventory.Web.Services.Catalog;

/// <summary>
/// The ledger filters as the catalog takes them. <c>To</c> is exclusive there; the page asks people for the last day
/// they want and passes the day after.
/// </summary>
public sealed record MovementQuery(Guid? ItemId, Guid? LocationId, string? Type, string? UserId, string? Reference, DateOnly? From, DateOnly? ToInclusive)
{
    public static readonly string[] Types = ["receipt", "issue", "adjustment", "transfer_out", "transfer_in", "count"];

    public (string Name, string? Value)[] Values() =>
    [
        ("itemId", ItemId?.ToString()), ("locationId", LocationId?.ToString()), ("type", Type), ("userId", UserId), ("reference", Reference),
        ("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        ("to", ToInclusive?.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
    ];
}
