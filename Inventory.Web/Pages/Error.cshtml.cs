using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inventory.Web.Pages;

/// <summary>Friendly page for unhandled errors and for error status codes; never shows exception details.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "Something went wrong";
    public string Message { get; private set; } = "The request could not be completed. Please try again.";
    public string? TraceId { get; private set; }

    public void OnGet(int? status) => Describe(status);

    public void OnPost(int? status) => Describe(status);

    private void Describe(int? status)
    {
        TraceId = Activity.Current?.TraceId.ToString() ?? HttpContext.TraceIdentifier;
        (Title, Message) = status switch
        {
            404 => ("Page not found", "There is no page at this address."),
            403 => ("Not allowed", "You do not have permission to see this page."),
            400 => ("Bad request", "The request was not understood."),
            _ => (Title, Message),
        };
    }
}
