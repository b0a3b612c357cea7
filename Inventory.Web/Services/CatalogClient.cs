using Inventory.ServiceDefaults;

namespace Inventory.Web.Services;

/// <summary>Typed client of the catalog service (service discovery resolves its address).</summary>
public sealed class CatalogClient(HttpClient http)
{
    public async Task<Page<ItemSummary>> ListItemsAsync(string? search, string? after, int pageSize, CancellationToken ct) =>
        await http.GetFromJsonAsync<Page<ItemSummary>>(ListUri("api/items", search, after, pageSize), ct)
        ?? throw new InvalidOperationException("The catalog service returned an empty item page.");

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
