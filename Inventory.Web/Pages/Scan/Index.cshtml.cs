using Inventory.Web.Scanning;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inventory.Web.Pages.Scan;

/// <summary>
/// Where the header's "Scan or search" box (and the camera) submits: a code that names exactly one item, location or
/// purchase order opens it; anything else shows what contains the code, or says nothing has it. Every role may scan.
/// </summary>
public sealed class ScanModel(CodeResolver resolver) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }

    /// <summary>The search results, once a code that names no one thing was given.</summary>
    public CodeResolution? Results { get; private set; }

    /// <summary>What the code names exactly (several things, or one while a service was down).</summary>
    public CodeResolution? Exact { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Code))
            return Page();
        Exact = await resolver.ResolveAsync(Code, ct);
        if (Exact.SingleTarget is { } target)
            return LocalRedirect(target);
        Results = await resolver.SearchAsync(Code, ct);
        return Page();
    }
}
