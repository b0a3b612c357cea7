namespace Inventory.Web.Pages.Shared;

/// <summary>
/// A page about one thing of a service (an item, a supplier, an order, a count): it reads the thing by the id in the
/// route, then what the page shows with it; 404 when it does not exist. Writes from the page come back here.
/// </summary>
public abstract class DetailsPage<T> : ApiPageModel where T : class
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    /// <summary>The thing; null when it could not be read (<see cref="ApiPageModel.LoadProblem"/> says why).</summary>
    protected T? Entity { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    protected abstract Task<ApiResult<T>> GetAsync(CancellationToken ct);

    /// <summary>What the page shows besides the thing (its stock, history, receipts …).</summary>
    protected virtual Task LoadMoreAsync(T entity, CancellationToken ct) => Task.CompletedTask;

    /// <summary>Reads the page's data; a result (404) stops the request.</summary>
    protected async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var result = await GetAsync(ct);
        if (!result.Succeeded)
            return NotFoundOrShow(result.Problem);
        Entity = result.Value;
        await LoadMoreAsync(result.Value, ct);
        return null;
    }

    /// <summary>A write from this page: done → here again saying so; refused → here with the problem (see <see cref="ApiPageModel.AfterWriteAsync"/>).</summary>
    protected Task<IActionResult> AfterWriteAsync<TResult>(ApiResult<TResult> result, Func<TResult, string> done, CancellationToken ct,
        FieldMap? fields = null) => AfterWriteAsync(result, done, () => LoadAsync(ct), fields);
}
