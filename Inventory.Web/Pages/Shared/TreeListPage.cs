namespace Inventory.Web.Pages.Shared;

/// <summary>
/// The catalog's trees (categories, locations) as a list by path: search, "include archived", keyset pages;
/// archive/unarchive for managers. A page gives the catalog's calls for its tree and how a message names a row.
/// </summary>
public abstract class TreeListPage<T>(
    Func<string?, bool, string?, int, CancellationToken, Task<ApiResult<Page<T>>>> find,
    Func<Guid, bool, string, CancellationToken, Task<ApiResult<T>>> setArchived,
    Func<T, string> describe) : SearchListPage<T>
{
    public const int PageSize = 100;

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

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
