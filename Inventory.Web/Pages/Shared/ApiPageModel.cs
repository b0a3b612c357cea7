using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inventory.Web.Pages.Shared;

/// <summary>
/// What the pages over the services share: a message carried across a redirect after a successful change, the
/// Idempotency-Key of the forms that have no input model of their own (<see cref="FormKeys"/>), and showing a
/// service's refusal on the page itself (errors next to their fields, 403 as "not allowed") instead of an error page.
/// </summary>
public abstract class ApiPageModel : PageModel
{
    private const string MessageKey = "Message";

    /// <summary>The outcome of the change that redirected here ("Draft PO-000012 created.").</summary>
    public string? Message { get; private set; }

    /// <summary>The last save was refused because someone else saved first: the page offers to reload.</summary>
    public bool Stale { get; private set; }

    /// <summary>Why the page's main data could not be shown (service down, not allowed), or null.</summary>
    public ApiProblem? LoadProblem { get; protected set; }

    /// <summary>The key of the page's buttons that write (archive, submit …), rendered by <c>_IdempotencyKey</c>.</summary>
    [BindProperty, HiddenInput]
    public string? IdempotencyKey { get; set; }

    public string FormKey => IdempotencyKey = FormKeys.OrNew(IdempotencyKey);

    public override void OnPageHandlerExecuting(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context) =>
        Message = TempData[MessageKey] as string;

    /// <summary>After a change: to <paramref name="pageName"/> (null: this page, its route values kept), which shows <paramref name="message"/>.</summary>
    protected IActionResult RedirectWithMessage(string message, string? pageName, object? routeValues = null)
    {
        TempData[MessageKey] = message;
        return RedirectToPage(pageName, routeValues);
    }

    /// <summary>
    /// The answer to a write made from this page: done → back to this page (a fresh GET) saying <paramref name="done"/>;
    /// the thing gone → 404; refused → this page again, its data read anew by <paramref name="reload"/>, with the
    /// problem on it (field errors where <paramref name="fields"/> puts them).
    /// </summary>
    protected async Task<IActionResult> AfterWriteAsync<T>(ApiResult<T> result, Func<T, string> done, Func<Task<IActionResult?>> reload,
        FieldMap? fields = null, object? routeValues = null)
    {
        if (result.Succeeded)
            return RedirectWithMessage(done(result.Value), null, routeValues);
        if (result.Problem.IsNotFound)
            return NotFound();
        AddProblem(result.Problem, fields);
        return await reload() ?? Page();
    }

    /// <summary>
    /// Puts <paramref name="problem"/> into ModelState, each field error where <paramref name="fields"/> maps it on
    /// this page's form (<see cref="ApiProblemModelState"/>; without a map every error is form-wide), and answers
    /// 403 when it was a refusal of the role.
    /// </summary>
    protected void AddProblem(ApiProblem problem, FieldMap? fields = null)
    {
        ModelState.AddApiProblem(problem, fields, GetType());
        Stale |= problem.IsStale;
        if (problem.IsForbidden)
            Response.StatusCode = StatusCodes.Status403Forbidden;
    }

    /// <summary>For loading a page's main data: 404 becomes the not-found page, other problems are shown on the page.</summary>
    protected IActionResult? NotFoundOrShow(ApiProblem problem)
    {
        if (problem.IsNotFound)
            return NotFound();
        LoadProblem = problem;
        if (problem.IsForbidden)
            Response.StatusCode = StatusCodes.Status403Forbidden;
        return null;
    }
}
