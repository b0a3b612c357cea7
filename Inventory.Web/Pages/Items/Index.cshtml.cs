using Inventory.ServiceDefaults.Kit;
using Inventory.ServiceDefaults;
using Inventory.Web.Pages.Shared;
using Inventory.Web.Services;
using Microsoft.AspNetCore.Mvc;

namespace Inventory.Web.Pages.Items;

/// <summary>The item list: search, category/location/low-stock/archived filters, four sort orders, keyset pages.</summary>
public sealed class ItemListModel(CatalogClient catalog) : ApiPageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? CategoryId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? LocationId { get; set; }
    [BindProperty(SupportsGet = true)] public bool LowStock { get; set; }
    [BindProperty(SupportsGet = true)] public string? Archived { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public string? Dir { get; set; }
    [BindProperty(SupportsGet = true)] public string? After { get; set; }

    public Page<CatalogItem>? Items { get; private set; }
    public IReadOnlyList<CatalogCategory> Categories { get; private set; } = [];
    public IReadOnlyList<CatalogLocation> Locations { get; private set; } = [];

    public ItemQuery Query => new(Search, CategoryId, LocationId, LowStock,
        ItemQuery.ArchivedFilters.Contains(Archived) ? Archived! : "active",
        ItemQuery.Sorts.Contains(Sort) ? Sort! : "sku",
        Dir == "desc" ? "desc" : "asc");

    /// <summary>The list's filters as route values, for the paging and export links.</summary>
    public Dictionary<string, string> RouteValues(string? after = null) => new Dictionary<string, string?>
    {
        ["search"] = Search, ["categoryId"] = CategoryId?.ToString(), ["locationId"] = LocationId?.ToString(),
        ["lowStock"] = LowStock ? "true" : null, ["archived"] = Query.Archived, ["sort"] = Query.Sort, ["dir"] = Query.Dir, ["after"] = after,
    }.Where(p => !string.IsNullOrEmpty(p.Value)).ToDictionary(p => p.Key, p => p.Value!);

    /// <summary>The catalog's CSV export (<c>items</c> or <c>stock</c>), streamed through as a download.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? what, CancellationToken ct)
    {
        var stock = what == "stock";
        var result = await catalog.ExportAsync(stock, ct);
        if (!result.Succeeded)
        {
            NotFoundOrShow(result.Problem);
            await OnGetAsync(ct);
            return Page();
        }
        HttpContext.Response.RegisterForDispose(result.Value);
        return File(await result.Value.Content.ReadAsStreamAsync(ct), "text/csv", stock ? "stock.csv" : "items.csv");
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var items = catalog.FindItemsAsync(Query, After, PageSize, ct);
        var categories = catalog.ListCategoriesAsync(false, ct);
        var locations = catalog.ListLocationTreeAsync(false, ct);
        var result = await items;
        if (result.Succeeded)
            Items = result.Value;
        else
            NotFoundOrShow(result.Problem);
        Categories = (await categories).Value?.Items ?? [];
        Locations = (await locations).Value?.Items ?? [];
    }
}
