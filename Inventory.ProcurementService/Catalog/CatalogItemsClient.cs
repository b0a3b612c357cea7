using System.Net;
using System.Net.Http.Json;

namespace Inventory.ProcurementService.Catalog;

/// <summary>
/// Procurement's reads of the catalog's items, as procurement's own service identity (never as a user).
/// Throws <see cref="CatalogUnavailableException"/> when the catalog cannot be reached.
/// </summary>
public sealed class CatalogItemsClient(HttpClient http)
{
    public async Task<CatalogItem?> GetItemAsync(Guid id, CancellationToken ct)
    {
        using var response = await CatalogUnavailableException.SendAsync(() => http.GetAsync($"api/items/{id}", ct));
        if (response.StatusCode == HttpStatusCode.NotFound)
            return null;
        await EnsureSuccessAsync(response, ct);
        return await response.Content.ReadFromJsonAsync<CatalogItem>(ct);
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
