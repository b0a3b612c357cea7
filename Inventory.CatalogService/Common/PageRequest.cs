namespace Inventory.CatalogService.Common;

public static class PageRequest
{
    /// <summary>The page size ("ten" is a 400 naming pageSize) and the cursor, still encoded, for <see cref="Cursor.TryDecode"/>.</summary>
    public static bool Resolve(string? pageSize, string? after, out int size, out string? afterKey, out Dictionary<string, string[]> errors)
    {
        errors = [];
        size = QueryValues.Int(errors, "pageSize", pageSize, 1, Paging.MaxPageSize) ?? Paging.DefaultPageSize;
        afterKey = string.IsNullOrEmpty(after) ? null : after;
        return errors.Count == 0;
    }
}
