namespace Inventory.Web.Pages.Shared;

/// <summary>
/// A details page with archive and unarchive buttons (managers): the service's call (answering <typeparamref name="TArchived"/>)
/// and how the message names the thing.
/// </summary>
public abstract class ArchivableDetailsPage<T, TArchived>(
    Func<Guid, bool, string, CancellationToken, Task<ApiResult<TArchived>>> setArchived, Func<TArchived, string> describe)
    : DetailsPage<T> where T : class
{
    public Task<IActionResult> OnPostArchiveAsync(CancellationToken ct) => SetArchivedAsync(true, ct);

    public Task<IActionResult> OnPostUnarchiveAsync(CancellationToken ct) => SetArchivedAsync(false, ct);

    private async Task<IActionResult> SetArchivedAsync(bool archived, CancellationToken ct) =>
        await AfterWriteAsync(await setArchived(Id, archived, FormKey, ct), thing => $"{describe(thing)} {(archived ? "archived" : "restored")}.", ct);
}
