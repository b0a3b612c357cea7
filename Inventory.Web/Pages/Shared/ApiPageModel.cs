using Inventory.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inventory.Web.Pages.Shared;

/// <summary>
/// What the pages over the services share: a message carried across a redirect after a successful change, and
/// showing a service's refusal on the page itself (errors next to their fields, 403 as "not allowed") instead of
/// an error page.
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

    public override void OnPageHandlerExecuting(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context) =>
        Message = TempData[MessageKey] as string;

    protected IActionResult RedirectWithMessage(string message, string pageName, object? routeValues = null)
    {
        TempData[MessageKey] = message;
        return RedirectToPage(pageName, routeValues);
    }

    /// <summary>Puts <paramref name="problem"/> into ModelState (see <see cref="ApiProblemModelState"/>) and answers 403 when it was a refusal of the role.</summary>
    protected void AddProblem(ApiProblem problem, Func<string, string?>? fieldFor = null)
    {
        ModelState.AddApiProblem(problem, fieldFor ?? (_ => null));
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
