using Inventory.ServiceDefaults;

namespace Inventory.Web.Services;

/// <summary>Typed client of the catalog service (service discovery resolves its address).</summary>
public sealed class CatalogClient(HttpClient http)
{
    public async Task<Page<ItemSummary>> ListItemsAsync(string? search, string? after, int pageSize, CancellationToken ct) =>
        await http.GetFromJsonAsync<Page<ItemSummary>>(ListUri("api/items", search, after, pageSize), ct)
        ?? throw new InvalidOperationException("The catalog service returned an empty item page.");

    /// <summary>
    /// The active item with exactly this SKU (case-insensitive, as the catalog keeps SKUs unique), or null.
    /// The catalog's search also matches names and barcodes, so a few pages may be needed to reach the exact SKU.
    /// </summary>
    public async Task<ApiResult<ItemSummary?>> FindItemBySkuAsync(string sku, CancellationToken ct)
    {
        const int pages = 5;
        sku = sku.Trim();
        string? after = null;
        for (var page = 0; page < pages; page++)
        {
            var result = await ApiCalls.SendAsync<Page<ItemSummary>>("catalog", () => http.GetAsync(ListUri("api/items", sku, after, Paging.MaxPageSize), ct), ct);
            if (!result.Succeeded)
                return ApiResult<ItemSummary?>.Failed(result.Problem);
            var match = result.Value.Items.FirstOrDefault(i => string.Equals(i.Sku, sku, StringComparison.OrdinalIgnoreCase));
            if (match is not null || result.Value.NextCursor is null)
                return ApiResult<ItemSummary?>.Ok(match);
            after = result.Value.NextCursor;
        }
        return ApiResult<ItemSummary?>.Ok(null);
    }

    /// <summary>Active locations by path (the first <see cref="Paging.MaxPageSize"/>), e.g. to receive goods into.</summary>
    public Task<ApiResult<Page<LocationSummary>>> ListLocationsAsync(CancellationToken ct) =>
        ApiCalls.SendAsync<Page<LocationSummary>>("catalog", () => http.GetAsync(ListUri("api/locations", null, null, Paging.MaxPageSize), ct), ct);

    internal static string ListUri(string path, string? search, string? after, int pageSize)
    {
        var query = new Dictionary<string, string?> { ["pageSize"] = pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (!string.IsNullOrWhiteSpace(search))
            query["search"] = search;
        if (!string.IsNullOrWhiteSpace(after))
            query["after"] = after;
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(path, query);
    }
}
