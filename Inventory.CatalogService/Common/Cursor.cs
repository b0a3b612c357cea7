using System.Text.Json;
using Inventory.ServiceDefaults;

namespace Inventory.CatalogService.Common;

/// <summary>
/// Keyset cursors of several parts (the sort key(s) and the row id), as an opaque string on top of
/// <see cref="Paging"/>'s encoding. The first part names the ordering, so a cursor of one sort is refused by another.
/// </summary>
public static class Cursor
{
    public static string Encode(params string[] parts) => Paging.EncodeCursor(JsonSerializer.Serialize(parts));

    public static bool TryDecode(string? key, string ordering, int parts, out string[] values)
    {
        values = [];
        if (key is null)
            return false;
        try
        {
            var decoded = JsonSerializer.Deserialize<string[]>(key);
            if (decoded is null || decoded.Length != parts + 1 || decoded[0] != ordering || decoded.Any(p => p is null))
                return false;
            values = decoded[1..];
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public static Dictionary<string, string[]> Invalid() =>
        new() { ["after"] = ["The cursor is not valid for this list and order; use the nextCursor of a previous page."] };
}
