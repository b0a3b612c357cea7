namespace Inventory.Web.Pages.Shared;

/// <summary>
/// The catalog's trees (categories, locations) as a list by path: search, "include archived", keyset pages;
/// archive/unarchive for managers; a CSV export of what the search selects. A page gives the catalog's calls for its tree
/// (<paramref name="tree"/>: its name in the catalog's paths) and how a message names a row.
/// </summary>
public abstract class TreeListPage<T>(
    CatalogClient catalog, string tree,
    Func<string?, bool, string?, int, CancellationToken, Task<ApiResult<Page<T>>>> find,
    Func<Guid, bool, string, CancellationToken, Task<ApiResult<T>>> setArchived,
    Func<T, string> describe) : SearchListPage<T>
{
    public const int PageSize = 100;

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    /// <summary>"Export these …": the list's search and "include archived", not its page.</summary>
    public string? ExportUrl => Url.Page(PageContext.ActionDescriptor.ViewEnginePath, "Export",
        new RouteValueDictionary(Filters.Where(f => f.Value is not null).ToDictionary(f => f.Key, f => (object?)f.Value)));

    /// <summary>Every row the list's filters select (all pages), as the catalog's CSV.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct) =>
        await DownloadAsync(await catalog.ExportTreeAsync(tree, Search, Archived, ct), $"{tree}.csv", () => LoadAsync(ct), ct);

    public Task<IActionResult> OnPostArchiveAsync(Guid id, CancellationToken ct) => SetArchivedAsync(id, true, ct);

    public Task<IActionResult> OnPostUnarchiveAsync(Guid id, CancellationToken ct) => SetArchivedAsync(id, false, ct);

    private async Task<IActionResult> SetArchivedAsync(Guid id, bool archived, CancellationToken ct) =>
        await AfterWriteAsync(await setArchived(id, archived, FormKey, ct), row => $"{describe(row)} {(archived ? "archived" : "restored")}.",
            async () =>
            {
                await LoadAsync(ct);
                return null;
            }, routeValues: Filters);

    private Task LoadAsync(CancellationToken ct) => ShowAsync(find(Search, Archived, After, PageSize, ct));
}
