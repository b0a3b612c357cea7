namespace Inventory.Web.Pages.Shared;

/// <summary>A list read a keyset page at a time: the rows shown, the cursor they start after, and the pager that keeps the filters.</summary>
public abstract class ListPage<T> : ApiPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    /// <summary>The page of rows; null when the service could not list them (<see cref="ApiPageModel.LoadProblem"/> says why).</summary>
    public Page<T>? Rows { get; private set; }

    /// <summary>The list's filters as query values, kept by the pager and by the redirect after a change.</summary>
    public abstract IReadOnlyDictionary<string, string?> Filters { get; }

    public PagerModel Pager => new(PageContext.ActionDescriptor.ViewEnginePath, Filters, After is not null, Rows?.NextCursor);

    /// <summary>
    /// The service's CSV of the rows the list's filters select, streamed through as <paramref name="fileName"/>; a refusal
    /// is shown on the list (<paramref name="showList"/> loads it) instead.
    /// </summary>
    protected async Task<IActionResult> DownloadAsync(ApiResult<HttpResponseMessage> export, string fileName, Func<Task> showList, CancellationToken ct)
    {
        if (!export.Succeeded)
        {
            await showList();
            NotFoundOrShow(export.Problem);
            return Page();
        }
        HttpContext.Response.RegisterForDispose(export.Value);
        return File(await export.Value.Content.ReadAsStreamAsync(ct), "text/csv", fileName);
    }

    protected async Task ShowAsync(Task<ApiResult<Page<T>>> page)
    {
        var result = await page;
        if (result.Succeeded)
            Rows = result.Value;
        else
            NotFoundOrShow(result.Problem);
    }
}
