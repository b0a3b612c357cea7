using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace Inventory.ServiceDefaults.Kit;

/// <summary>A page of a list. <see cref="NextCursor"/> is null on the last page; pass it as <c>after</c> for the next.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

/// <summary>
/// Keyset pagination: a page starts after the sort key of the previous page's last row, so page 1,000 costs what
/// page 1 costs. A cursor is opaque to clients: base64url of a JSON array whose first element names the ordering
/// (so a cursor of one sort is refused by another), then the sort key's parts, the last being the row's id.
/// </summary>
public static class Paging
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;
    public const string InvalidCursor = "The cursor is not valid for this list and order; use the nextCursor of a previous page.";

    /// <summary>
    /// Reads <c>pageSize</c> (still text, so "ten" is a 400 naming it) and <c>after</c>, a cursor of
    /// <paramref name="ordering"/> with <paramref name="keyParts"/> parts. Problems go to <paramref name="errors"/>
    /// under the parameter's name; <paramref name="after"/> is null on the first page or when invalid.
    /// </summary>
    public static int ReadPage(Dictionary<string, string[]> errors, string? pageSize, string? after, string ordering, int keyParts,
        out string[]? afterKey)
    {
        afterKey = null;
        var size = QueryValues.Int(errors, "pageSize", pageSize, 1, MaxPageSize) ?? DefaultPageSize;
        if (!string.IsNullOrEmpty(after) && !TryDecode(after, ordering, keyParts, out afterKey))
            errors["after"] = [InvalidCursor];
        return size;
    }

    public static string Cursor(string ordering, params string[] key) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(JsonSerializer.Serialize<string[]>([ordering, .. key])));

    /// <summary>
    /// The page from rows read with <c>Take(size + 1)</c>: the extra row only tells that another page follows,
    /// without a COUNT over the whole table.
    /// </summary>
    public static Page<T> ToPage<TRow, T>(IReadOnlyList<TRow> rows, int size, Func<TRow, T> map, string ordering, Func<TRow, string[]> key) =>
        new(rows.Take(size).Select(map).ToList(), rows.Count > size ? Cursor(ordering, key(rows[size - 1])) : null);

    public static bool TryDecode(string cursor, string ordering, int keyParts, out string[]? key)
    {
        key = null;
        try
        {
            var parts = JsonSerializer.Deserialize<string[]>(Base64Url.DecodeFromChars(cursor));
            // A NUL cannot be compared by PostgreSQL: a key holding one is no key this list ever handed out.
            if (parts is null || parts.Length != keyParts + 1 || parts[0] != ordering || parts.Any(p => p is null || p.Contains('\0')))
                return false;
            key = parts[1..];
            return true;
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return false;
        }
    }

    /// <summary>Escapes LIKE wildcards so a search for "50%" matches the text "50%" (use with the escape character '\').</summary>
    public static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    /// <summary>An ILIKE pattern that finds <paramref name="search"/> anywhere in the text.</summary>
    public static string ContainsPattern(string search) => $"%{EscapeLike(search.Trim())}%";
}
