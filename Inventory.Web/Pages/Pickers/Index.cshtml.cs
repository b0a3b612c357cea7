using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inventory.Web.Pages.Pickers;

/// <summary>
/// The options a picker (<c>&lt;select data-picker="…"&gt;</c>) loads as the user types: active locations, categories, items
/// or suppliers matching <c>q</c>, at most <c>limit</c> (1–<see cref="MaxLimit"/>). Every signed-in user may read them
/// (the Viewer role, as on the lists); the services check the same role again.
/// </summary>
public sealed class PickerOptionsModel(CatalogClient catalog, ProcurementClient procurement) : PageModel
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 50;

    public async Task<IActionResult> OnGetAsync(string kind, string? q, int? limit, CancellationToken ct)
    {
        var search = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        var size = Math.Clamp(limit ?? DefaultLimit, 1, MaxLimit);
        var options = kind switch
        {
            "locations" => Map(await catalog.FindLocationsAsync(search, false, null, size, ct),
                l => new PickerOption(l.Id.ToString(), l.Path, $"{l.Path} {l.Code} {l.Name}", [l.Code])),
            "categories" => Map(await catalog.FindCategoriesAsync(search, false, null, size, ct),
                c => new PickerOption(c.Id.ToString(), c.Path, $"{c.Path} {c.Name}", [c.Name])),
            "items" => Map(await catalog.FindItemsAsync(new ItemQuery(search, null, null, false, "active", "sku", "asc"), null, size, ct),
                i => new PickerOption(i.Id.ToString(), $"{i.Sku} · {i.Name}", $"{i.Sku} {i.Name} {i.Barcode}", i.Barcode is null ? [i.Sku] : [i.Sku, i.Barcode])),
            "suppliers" => Map(await procurement.FindSuppliersAsync(search, null, size, false, ct),
                s => new PickerOption(s.Id.ToString(), s.Name, $"{s.Name} {s.ContactName}", [s.Name])),
            _ => null,
        };
        if (options is null)
            return NotFound();
        return options.Succeeded ? new JsonResult(new { options = options.Value })
            : new ObjectResult(new ProblemDetails { Status = options.Problem.Status, Title = options.Problem.Title }) { StatusCode = options.Problem.Status };
    }

    private static ApiResult<IReadOnlyList<PickerOption>> Map<T>(ApiResult<Page<T>> page, Func<T, PickerOption> option) =>
        page.Succeeded ? ApiResult<IReadOnlyList<PickerOption>>.Ok(page.Value.Items.Select(option).ToList())
            : ApiResult<IReadOnlyList<PickerOption>>.Failed(page.Problem);
}
