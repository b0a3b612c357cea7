using System.Net.Http.Json;
using Inventory.CatalogService.Items;
using Inventory.ProcurementService.PurchaseOrders;
using Inventory.ProcurementService.Suppliers;
using Inventory.ServiceDefaults;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.Service.Procurement;

/// <summary>Builds suppliers, catalog items and purchase orders through the real APIs.</summary>
public sealed class ProcurementTestData(ServicesFixture fixture)
{
    public HttpClient Manager { get; } = fixture.Procurement.CreateClientAs(Roles.Manager, "manager-1");
    public HttpClient Clerk { get; } = fixture.Procurement.CreateClientAs(Roles.Clerk, "clerk-1");
    public HttpClient CatalogManager { get; } = fixture.Catalog.CreateClientAs(Roles.Manager, "manager-1");

    public async Task ResetAsync()
    {
        fixture.ResetLinks();
        await fixture.ResetAsync(ResourceNames.CatalogDb);
        await fixture.ResetAsync(ResourceNames.ProcurementDb);
    }

    public async Task<SupplierDto> SupplierAsync(string name = "Acme", string currency = "EUR")
    {
        var response = await Manager.PostAsJsonAsync("/api/suppliers", new { name, currency });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<SupplierDto>())!;
    }

    public async Task<ItemDto> ItemAsync(string sku, string unit = "each", decimal reorderPoint = 0, decimal reorderQuantity = 0)
    {
        var response = await CatalogManager.PostAsJsonAsync("/api/items", new { sku, name = $"Item {sku}", unit, reorderPoint, reorderQuantity });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<ItemDto>())!;
    }

    public async Task<SupplierItemDto> SupplierItemAsync(Guid supplierId, Guid itemId, decimal unitPrice, decimal moq = 0, bool preferred = false)
    {
        var response = await Manager.PostAsJsonAsync($"/api/suppliers/{supplierId}/items",
            new { itemId, unitPrice, minimumOrderQuantity = moq, isPreferred = preferred });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<SupplierItemDto>())!;
    }

    public async Task<PurchaseOrderDto> DraftAsync(Guid supplierId, params (Guid ItemId, decimal Quantity, decimal Price)[] lines)
    {
        var response = await Manager.PostAsJsonAsync("/api/purchase-orders", new
        {
            supplierId,
            lines = lines.Select(l => new { itemId = l.ItemId, quantity = l.Quantity, unitPrice = l.Price }),
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<PurchaseOrderDto>())!;
    }

    public async Task<PurchaseOrderDto> SubmittedAsync(Guid supplierId, params (Guid ItemId, decimal Quantity, decimal Price)[] lines)
    {
        var draft = await DraftAsync(supplierId, lines);
        var response = await Manager.PostAsJsonAsync($"/api/purchase-orders/{draft.Id}/submit", new { version = draft.Version });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<PurchaseOrderDto>())!;
    }

    public async Task<Guid> LocationAsync(string code = "WH-1")
    {
        var response = await CatalogManager.PostAsJsonAsync("/api/locations", new { code, name = $"Warehouse {code}", kind = "warehouse" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>The catalog's on-hand quantity of an item and how many receipt movements it has.</summary>
    public async Task<(decimal OnHand, int Receipts)> StockAsync(Guid itemId)
    {
        var item = await CatalogManager.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/items/{itemId}");
        var receipts = item.GetProperty("recentMovements").EnumerateArray().Count(m => m.GetProperty("type").GetString() == "receipt");
        return (item.GetProperty("onHand").GetDecimal(), receipts);
    }

    public async Task<PurchaseOrderDto> OrderAsync(Guid id) =>
        (await Manager.GetFromJsonAsync<PurchaseOrderDto>($"/api/purchase-orders/{id}"))!;
}
