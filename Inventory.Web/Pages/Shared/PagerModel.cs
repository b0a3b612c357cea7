namespace Inventory.Web.Pages.Shared;

/// <summary>What the <c>_Pager</c> partial shows: keyset paging links back to the first page, or on to the page after the cursor, keeping the list's filters.</summary>
public sealed record PagerModel(string Page, IReadOnlyDictionary<string, string?> Filters, bool HasPrevious, string? NextCursor)
{
    public Dictionary<string, string> First => Values(null);

    public Dictionary<string, string> Next => Values(NextCursor);

    private Dictionary<string, string> Values(string? after) =>
        Filters.Append(new("after", after)).Where(v => !string.IsNullOrEmpty(v.Value)).ToDictionary(v => v.Key, v => v.Value!);
}
