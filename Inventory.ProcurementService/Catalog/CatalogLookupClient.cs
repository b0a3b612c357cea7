using System.Net;
using System.Net.Http.Json;

namespace Inventory.ProcurementService.Catalog;

/// <summary>
/// Procurement's reads of the catalog (items, locations), as procurement's own service identity (never as a user).
/// Throws <see cref="CatalogUnavailableException"/> when the catalog cannot be reached.
/// </summary>
public sealed class CatalogLookupClient(HttpClient http)
{
    private const int ParallelLookups = 8;

    /// <summary>The item, or null when the catalog has none with that id.</summary>
    public Task<CatalogItem?> GetItemAsync(Guid id, CancellationToken ct) => GetOrNullAsync<CatalogItem>($"api/items/{id}", ct);

    /// <summary>Each of <paramref name="ids"/> (null where the catalog has no such item), a few look-ups at a time.</summary>
    public async Task<Dictionary<Guid, CatalogItem?>> GetItemsAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var found = new System.Collections.Concurrent.ConcurrentDictionary<Guid, CatalogItem?>();
        await Parallel.ForEachAsync(ids.Distinct(), new ParallelOptions { MaxDegreeOfParallelism = ParallelLookups, CancellationToken = ct },
            async (id, token) => found[id] = await GetItemAsync(id, token));
        return new Dictionary<Guid, CatalogItem?>(found);
    }

    /// <summary>The location, or null when the catalog has none with that id.</summary>
    public Task<CatalogLocation?> GetLocationAsync(Guid id, CancellationToken ct) => GetOrNullAsync<CatalogLocation>($"api/locations/{id}", ct);

    private async Task<T?> GetOrNullAsync<T>(string uri, CancellationToken ct) where T : class
    {
        using var response = await CatalogUnavailableException.SendAsync(() => http.GetAsync(uri, ct));
        if (response.StatusCode == HttpStatusCode.NotFound)
            return null;
        await EnsureSuccessAsync(response, ct);
        return await response.Content.ReadFromJsonAsync<T>(ct);
    }

    /// <summary>
    /// Every active item whose on-hand stock is at or below its reorder point, from the catalog's low-stock list
    /// (which reads a small partial index, however large the catalog).
    /// </summary>
    public async Task<IReadOnlyList<CatalogItem>> ListLowStockAsync(CancellationToken ct)
    {
        var items = new List<CatalogItem>();
        string? after = null;
        do
        {
            var uri = $"api/stock/low?pageSize={Paging.MaxPageSize}" + (after is null ? "" : $"&after={Uri.EscapeDataString(after)}");
            using var response = await CatalogUnavailableException.SendAsync(() => http.GetAsync(uri, ct));
            await EnsureSuccessAsync(response, ct);
            var page = await response.Content.ReadFromJsonAsync<Page<LowStockItem>>(ct) ?? new Page<LowStockItem>([], null);
            items.AddRange(page.Items.Select(i => new CatalogItem(i.ItemId, i.Sku, i.Name, i.Unit, IsArchived: false,
                i.ReorderPoint, i.ReorderQuantity, i.OnHand, i.PreferredSupplierId)));
            after = page.NextCursor;
        }
        while (after is not null);
        return items;
    }

    private sealed record LowStockItem(Guid ItemId, string Sku, string Name, string Unit, decimal OnHand,
        decimal ReorderPoint, decimal ReorderQuantity, Guid? PreferredSupplierId);

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if ((int)response.StatusCode >= 500)
            throw new CatalogUnavailableException(new HttpRequestException($"catalog answered {(int)response.StatusCode}"));
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"The catalog refused the request: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
    }
}
