using Microsoft.AspNetCore.Authorization;

namespace Inventory.Web.Pages.Items;

/// <summary>
/// Imports items from a CSV file (create or update by SKU). The catalog takes all rows or none; a refused file is
/// shown as a report of each row's errors (keys <c>row N: field</c>, the header being row 1).
/// </summary>
[Authorize(Roles = UserRoles.Managers)]
public sealed class ItemImportModel(CatalogClient catalog) : ApiPageModel
{
    /// <summary>The catalog's key of its "and N more errors" line.</summary>
    public const string MoreKey = "more";

    [BindProperty]
    public IFormFile? Upload { get; set; }

    /// <summary>The refused file's errors, one row per (key, message), in the file's row order.</summary>
    public IReadOnlyList<(string Where, string Message)> Report { get; private set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "Choose a CSV file to import.");
            return Page();
        }
        await using var csv = Upload.OpenReadStream();
        var result = await catalog.ImportItemsAsync(csv, FormKey, ct);
        if (result.Succeeded)
        {
            var done = RedirectWithMessage(
                $"Imported {Upload.FileName}: {result.Value.Created} created, {result.Value.Updated} updated, {result.Value.Unchanged} unchanged.",
                "/Items/Index");
            // import.js posts with XMLHttpRequest to show the upload's progress; a redirect would be followed (and the
            // message read) by the request itself, so it is told where to go and goes there.
            return IsProgressRequest ? new JsonResult(new { location = Url.Page("/Items/Index") }) : done;
        }
        Report = result.Problem.Errors.SelectMany(e => e.Value.Select(m => (e.Key, m))).OrderBy(e => RowOf(e.Key)).ThenBy(e => e.Key, StringComparer.Ordinal).ToList();
        if (Report.Count == 0 || !result.Problem.Status.Equals(StatusCodes.Status400BadRequest))
            AddProblem(result.Problem);
        return Page();
    }

    private bool IsProgressRequest => Request.Headers["X-Requested-With"] == "XMLHttpRequest";

    // The file's own problems first, then row by row, and the catalog's "and N more" (key "more") last.
    private static int RowOf(string key) =>
        key == MoreKey ? int.MaxValue
        : key.StartsWith("row ", StringComparison.Ordinal) && int.TryParse(key[4..].Split(':')[0], out var row) ? row : 0;
}
