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

    protected async Task ShowAsync(Task<ApiResult<Page<T>>> page)
    {
        var result = await page;
        if (result.Succeeded)
            Rows = result.Value;
        else
            NotFoundOrShow(result.Problem);
    }
}
