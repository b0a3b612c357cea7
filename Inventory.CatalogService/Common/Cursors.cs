using System.Globalization;

namespace Inventory.CatalogService.Common;

/// <summary>How a time is written into a keyset cursor (<see cref="Paging.Cursor"/>) and read back, to the tick.</summary>
public static class Cursors
{
    public static string Time(DateTimeOffset time) => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    public static bool TryTime(string text, out DateTimeOffset time) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out time);
}
