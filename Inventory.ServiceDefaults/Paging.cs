using System.Buffers.Text;
using System.Text;

namespace Inventory.ServiceDefaults;

/// <summary>A page of a list. <see cref="NextCursor"/> is null on the last page; pass it as <c>after</c> for the next.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

/// <summary>
/// Keyset pagination: a page starts after the sort key of the previous page's last row, so page 1,000
/// costs what page 1 costs. Cursors are opaque to clients (base64url of the key).
/// </summary>
public static class Paging
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public static bool TryResolve(int? pageSize, string? after, out int size, out string? afterKey, out Dictionary<string, string[]> errors)
    {
        errors = [];
        size = pageSize ?? DefaultPageSize;
        afterKey = null;
        if (size is < 1 or > MaxPageSize)
            errors["pageSize"] = [$"Page size must be between 1 and {MaxPageSize}."];
        if (!string.IsNullOrEmpty(after) && !TryDecodeCursor(after, out afterKey))
            errors["after"] = ["The cursor is not valid; use the nextCursor of a previous page."];
        return errors.Count == 0;
    }

    public static string EncodeCursor(string key) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(key));

    private static bool TryDecodeCursor(string cursor, out string? key)
    {
        key = null;
        try
        {
            key = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            return key.Length > 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Escapes LIKE wildcards so a search for "50%" matches the text "50%".</summary>
    public static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
