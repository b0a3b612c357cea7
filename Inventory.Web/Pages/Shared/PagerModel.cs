namespace Inventory.Web.Pages.Shared;

/// <summary>Keyset paging links: back to the first page, or on to the page after the cursor.</summary>
public sealed record PagerModel(string Page, string? Search, bool HasPrevious, string? NextCursor);
