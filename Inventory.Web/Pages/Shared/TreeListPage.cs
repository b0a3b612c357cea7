namespace Inventory.Web.Pages.Shared;

/// <summary>The catalog's trees (categories, locations) as a list by path: search, "include archived", keyset pages; archive/unarchive for managers.</summary>
public abstract class TreeListPage<T> : SearchListPage<T>
{
    public const int PageSize = 100;

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public Task<IActionResult> OnPostArchiveAsync(Guid id, CancellationToken ct) => SetArchivedAsync(id, true, ct);

    public Task<IActionResult> OnPostUnarchiveAsync(Guid id, CancellationToken ct) => SetArchivedAsync(id, false, ct);

    protected abstract Task<ApiResult<Page<T>>> FindAsync(string? search, bool includeArchived, string? after, int pageSize, CancellationToken ct);

    protected abstract Task<ApiResult<T>> SetArchivedAsync(Guid id, bool archived, string idempotencyKey, CancellationToken ct);

    /// <summary>How the flash message names a row: "Category Tools", "Location WH-1".</summary>
    protected abstract string Describe(T row);

    private async Task<IActionResult> SetArchivedAsync(Guid id, bool archived, CancellationToken ct) =>
        await AfterWriteAsync(await SetArchivedAsync(id, archived, FormKey, ct), row => $"{Describe(row)} {(archived ? "archived" : "restored")}.",
            async () =>
            {
                await LoadAsync(ct);
                return null;
            }, routeValues: Filters);

    private Task LoadAsync(CancellationToken ct) => ShowAsync(FindAsync(Search, Archived, After, PageSize, ct));
}
