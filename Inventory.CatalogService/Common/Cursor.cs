namespace Inventory.CatalogService.Common;

/// <summary>Keyset cursors of several parts: the first names the ordering, so a cursor of one sort is refused by another.</summary>
public static class Cursor
{
    public static string Encode(params string[] parts) => Paging.Cursor(parts[0], parts[1..]);

    public static bool TryDecode(string? cursor, string ordering, int parts, out string[] values)
    {
        values = [];
        if (cursor is null || !Paging.TryDecode(cursor, ordering, parts, out var key))
            return false;
        values = key!;
        return true;
    }

    public static Dictionary<string, string[]> Invalid() => new() { ["after"] = [Paging.InvalidCursor] };
}
