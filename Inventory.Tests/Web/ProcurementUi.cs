using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Inventory.CatalogService.Items;
using Inventory.CatalogService.Locations;
using Inventory.ProcurementService.PurchaseOrders;
using Inventory.ProcurementService.Receiving;
using Inventory.ProcurementService.Suppliers;
using Inventory.ServiceDefaults;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.Web;

/// <summary>
/// Data for the procurement pages, made through the services' APIs (as a manager), with names unique to each
/// test: the app's databases are shared by every test of its collection.
/// </summary>
public sealed class ProcurementUi(IWebApp app) : IDisposable
{
    private readonly HttpClient _catalog = app.CreateServiceClient(ResourceNames.Catalog, Roles.Manager);
    private readonly HttpClient _procurement = app.CreateServiceClient(ResourceNames.Procurement, Roles.Manager);

    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..10]}".ToUpperInvariant();

    /// <summary>Signs in a new person with <paramref name="role"/> (the admin gives it on the users page).</summary>
    public Task<BrowserSession> SignInAsync(string role) => SignIn.NewPersonAsync(app.Address, role);

    public async Task<ItemDto> ItemAsync(string sku, decimal reorderPoint = 0, decimal reorderQuantity = 0) =>
        await ReadAsync<ItemDto>(await _catalog.PostAsJsonAsync("/api/items",
            new { sku, name = $"Item {sku}", unit = "each", unitCost = 1m, reorderPoint, reorderQuantity }), HttpStatusCode.Created);

    public async Task<LocationDto> WarehouseAsync(string code) =>
        await ReadAsync<LocationDto>(await _catalog.PostAsJsonAsync("/api/locations",
            new { code, name = $"Warehouse {code}", kind = "warehouse" }), HttpStatusCode.Created);

    public async Task<SupplierDto> SupplierAsync(string name, string currency = "EUR") =>
        await ReadAsync<SupplierDto>(await _procurement.PostAsJsonAsync("/api/suppliers", new { name, currency }), HttpStatusCode.Created);

    public async Task<SupplierDto> GetSupplierAsync(Guid id) => await ReadAsync<SupplierDto>(await _procurement.GetAsync($"/api/suppliers/{id}"));

    public async Task<SupplierDto> RenameSupplierAsync(SupplierDto supplier, string name) =>
        await ReadAsync<SupplierDto>(await _procurement.PutAsJsonAsync($"/api/suppliers/{supplier.Id}",
            new { version = supplier.Version, name, currency = supplier.Currency }));

    public async Task<SupplierItemDto> SupplierItemAsync(Guid supplierId, Guid itemId, decimal unitPrice, decimal moq = 0,
        string? supplierSku = null, int? leadTimeDays = null, bool preferred = false) =>
        await ReadAsync<SupplierItemDto>(await _procurement.PostAsJsonAsync($"/api/suppliers/{supplierId}/items",
            new { itemId, unitPrice, minimumOrderQuantity = moq, supplierSku, leadTimeDays, isPreferred = preferred }), HttpStatusCode.Created);

    /// <summary>A supplier with the address and contact a printed order shows.</summary>
    public async Task<SupplierDto> SupplierWithAddressAsync(string name, string address, string contactName, string email, string currency = "EUR") =>
        await ReadAsync<SupplierDto>(await _procurement.PostAsJsonAsync("/api/suppliers",
            new { name, currency, address, contactName, email, paymentTerms = "Net 30" }), HttpStatusCode.Created);

    public async Task<List<SupplierItemDto>> SupplierItemsAsync(Guid supplierId) =>
        await ReadAsync<List<SupplierItemDto>>(await _procurement.GetAsync($"/api/suppliers/{supplierId}/items"));

    public async Task<PurchaseOrderDto> DraftOrderAsync(Guid supplierId, Guid itemId, decimal quantity, decimal unitPrice) =>
        await ReadAsync<PurchaseOrderDto>(await _procurement.PostAsJsonAsync("/api/purchase-orders",
            new { supplierId, lines = new[] { new { itemId, quantity, unitPrice } } }), HttpStatusCode.Created);

    public async Task<PurchaseOrderDto> SubmittedOrderAsync(Guid supplierId, Guid itemId, decimal quantity, decimal unitPrice)
    {
        var draft = await DraftOrderAsync(supplierId, itemId, quantity, unitPrice);
        return await ReadAsync<PurchaseOrderDto>(await _procurement.PostAsJsonAsync($"/api/purchase-orders/{draft.Id}/submit", new { version = draft.Version }));
    }

    public async Task<PurchaseOrderDto> OrderAsync(Guid id) => await ReadAsync<PurchaseOrderDto>(await _procurement.GetAsync($"/api/purchase-orders/{id}"));

    public async Task SetLocationArchivedAsync(Guid id, bool archived) =>
        await ReadAsync<LocationDto>(await _catalog.PostAsync($"/api/locations/{id}/{(archived ? "archive" : "unarchive")}", null));

    /// <summary>Receives the order's first line through the API (as a manager).</summary>
    public async Task<ReceiptDto> ReceiveAsync(PurchaseOrderDto order, Guid locationId, decimal quantity) =>
        await ReadAsync<ReceiptDto>(await _procurement.PostAsJsonAsync($"/api/purchase-orders/{order.Id}/receipts",
            new { locationId, lines = new[] { new { lineId = order.Lines[0].Id, quantity } } }), HttpStatusCode.Created);

    public async Task<List<ReceiptLineDto>> ReceiptLinesAsync(Guid orderId) =>
        (await ReadAsync<List<ReceiptDto>>(await _procurement.GetAsync($"/api/purchase-orders/{orderId}/receipts"))).SelectMany(r => r.Lines).ToList();

    /// <summary>Waits (up to a minute) until every receipt line of the order is in <paramref name="state"/>.</summary>
    public async Task<List<ReceiptLineDto>> WaitForPostingStateAsync(Guid orderId, string state)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var lines = await ReceiptLinesAsync(orderId);
            if (lines.Count > 0 && lines.All(l => l.PostingState == state))
                return lines;
            Assert.False(timeout.IsCancellationRequested, $"the receipt lines never became {state}");
            await Task.Delay(100);
        }
    }

    /// <summary>An item's stock per location in the catalog, and how many receipt movements it has.</summary>
    public async Task<(Dictionary<Guid, decimal> Stock, int Receipts)> StockAsync(Guid itemId)
    {
        var item = await ReadAsync<System.Text.Json.JsonElement>(await _catalog.GetAsync($"/api/items/{itemId}"));
        return (item.GetProperty("stock").EnumerateArray().ToDictionary(s => s.GetProperty("locationId").GetGuid(), s => s.GetProperty("onHand").GetDecimal()),
            item.GetProperty("recentMovements").EnumerateArray().Count(m => m.GetProperty("type").GetString() == "receipt"));
    }

    public async Task<IReadOnlyList<PurchaseOrderSummaryDto>> OrdersOfAsync(Guid supplierId) =>
        (await ReadAsync<Page<PurchaseOrderSummaryDto>>(await _procurement.GetAsync($"/api/purchase-orders?supplierId={supplierId}&pageSize=200"))).Items;

    public async Task<IReadOnlyList<SupplierDto>> FindSuppliersAsync(string search) =>
        (await ReadAsync<Page<SupplierDto>>(await _procurement.GetAsync($"/api/suppliers?search={Uri.EscapeDataString(search)}&includeArchived=true"))).Items;

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {expected}, got {response.StatusCode}: {body}");
        return System.Text.Json.JsonSerializer.Deserialize<T>(body, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))!;
    }

    public void Dispose()
    {
        _catalog.Dispose();
        _procurement.Dispose();
    }
}

/// <summary>Reads what a page shows: its HTML, decoded, and the few structures the procurement pages mark with ids and data attributes.</summary>
public static partial class Html
{
    public static async Task<string> ReadAsync(HttpResponseMessage response) => await response.Content.ReadAsStringAsync();

    /// <summary>The message shown next to a field (<c>asp-validation-for</c>), decoded; empty when there is none.</summary>
    public static string FieldError(string html, string field) =>
        WebUtility.HtmlDecode(Regex.Match(html, $"<span[^>]*data-valmsg-for=\"{Regex.Escape(field)}\"[^>]*>(.*?)</span>", RegexOptions.Singleline).Groups[1].Value).Trim();

    /// <summary>The value an input named <paramref name="name"/> shows (what the user typed, after a post-back).</summary>
    public static string? InputValue(string html, string name)
    {
        var tag = Regex.Match(html, $"<input[^>]*\\sname=\"{Regex.Escape(name)}\"[^>]*>").Value;
        var value = Regex.Match(tag, "\\svalue=\"([^\"]*)\"");
        return tag.Length == 0 ? null : WebUtility.HtmlDecode(value.Groups[1].Value);
    }

    /// <summary>The text of a textarea named <paramref name="name"/>.</summary>
    public static string? TextArea(string html, string name)
    {
        var match = Regex.Match(html, $"<textarea[^>]*\\sname=\"{Regex.Escape(name)}\"[^>]*>(.*?)</textarea>", RegexOptions.Singleline);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value).Trim() : null;
    }

    public static bool HasId(string html, string id) => html.Contains($"id=\"{id}\"", StringComparison.Ordinal);

    /// <summary>The purchase order's status as the details page marks it (<c>data-status</c> inside #po-status).</summary>
    public static string OrderStatus(string html) => Regex.Match(html, "id=\"po-status\"><span[^>]*data-status=\"(\\w+)\"").Groups[1].Value;

    /// <summary>The table row marked <c>data-sku</c> for <paramref name="sku"/>, inside the element with id <paramref name="containerId"/>.</summary>
    public static string Row(string html, string containerId, string sku)
    {
        var start = html.IndexOf($"id=\"{containerId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no element #{containerId} on the page");
        return Regex.Match(html[start..], $"<tr data-sku=\"{Regex.Escape(sku)}\">(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;
    }

    /// <summary>The first table row marked <c>data-sku</c> for <paramref name="sku"/> anywhere in <paramref name="html"/>.</summary>
    public static string Row(string html, string sku) =>
        Regex.Match(html, $"<tr data-sku=\"{Regex.Escape(sku)}\">(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;

    /// <summary>The decoded text of the cell marked <c>data-field</c> in a row.</summary>
    public static string Cell(string row, string field) =>
        WebUtility.HtmlDecode(Regex.Match(row, $"data-field=\"{field}\"[^>]*>(.*?)</td>", RegexOptions.Singleline).Groups[1].Value).Trim();

    /// <summary>The version the page's status-change forms send.</summary>
    public static string Version(string html) => Regex.Match(html, "name=\"version\" value=\"(\\d+)\"").Groups[1].Value;

    public static string Decode(string html) => WebUtility.HtmlDecode(html);

    [GeneratedRegex("^/purchase-orders/([0-9a-f-]{36})$")]
    public static partial Regex OrderPath();

    [GeneratedRegex("^/suppliers/([0-9a-f-]{36})$")]
    public static partial Regex SupplierPath();
}
