using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inventory.CatalogService.Categories;
using Inventory.CatalogService.Items;
using Inventory.CatalogService.Locations;
using Inventory.CatalogService.Stock;

namespace Inventory.Tests.Service.Catalog;

/// <summary>Small helpers that create catalog data through the API, failing the test when a call fails.</summary>
public static class CatalogClient
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {expected}, got {response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, Json)!;
    }

    public static async Task<ItemDto> CreateItemAsync(this HttpClient client, string sku, string unit = "each",
        decimal unitCost = 1m, decimal reorderPoint = 0m, Guid? categoryId = null, string? barcode = null, string? name = null) =>
        await (await client.PostAsJsonAsync("/api/items", new
        {
            sku, name = name ?? $"Item {sku}", unit, unitCost, reorderPoint, reorderQuantity = 10m, categoryId, barcode,
        })).ReadAsync<ItemDto>(HttpStatusCode.Created);

    public static async Task<CategoryDto> CreateCategoryAsync(this HttpClient client, string name, Guid? parentId = null) =>
        await (await client.PostAsJsonAsync("/api/categories", new { name, parentId })).ReadAsync<CategoryDto>(HttpStatusCode.Created);

    public static async Task<LocationDto> CreateWarehouseAsync(this HttpClient client, string code, bool allowsNegative = false) =>
        await (await client.PostAsJsonAsync("/api/locations", new { code, name = $"Warehouse {code}", kind = "warehouse", allowsNegative }))
            .ReadAsync<LocationDto>(HttpStatusCode.Created);

    public static async Task<LocationDto> CreateBinAsync(this HttpClient client, string code, Guid parentId, bool allowsNegative = false) =>
        await (await client.PostAsJsonAsync("/api/locations", new { code, name = $"Bin {code}", kind = "bin", parentId, allowsNegative }))
            .ReadAsync<LocationDto>(HttpStatusCode.Created);

    public static async Task<MovementResult> ReceiveAsync(this HttpClient client, Guid itemId, Guid locationId, decimal quantity, string? reference = null) =>
        await (await client.PostAsJsonAsync("/api/movements/receipts", new { itemId, locationId, quantity, reference }))
            .ReadAsync<MovementResult>(HttpStatusCode.Created);

    public static async Task<decimal> OnHandAsync(this HttpClient client, Guid itemId, Guid locationId)
    {
        var item = await (await client.GetAsync($"/api/items/{itemId}")).ReadAsync<ItemDetailDto>();
        return item.Stock.FirstOrDefault(s => s.LocationId == locationId)?.OnHand ?? 0m;
    }

    public static StringContent JsonBody(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
