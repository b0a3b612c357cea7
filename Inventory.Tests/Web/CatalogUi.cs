using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Inventory.CatalogService.Categories;
using Inventory.CatalogService.Items;
using Inventory.CatalogService.Locations;
using Inventory.ServiceDefaults;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.Web;

/// <summary>
/// Data for the catalog pages, made and read through the catalog's API as a manager, with SKUs and codes unique to
/// each test (the app's databases are shared by every test of its collection).
/// </summary>
public sealed partial class CatalogUi(IWebApp app) : IDisposable
{
    private readonly HttpClient _catalog = app.CreateServiceClient(ResourceNames.Catalog, Roles.Manager);

    public static string Unique(string prefix) => ProcurementUi.Unique(prefix);

    /// <summary>Signs in a new person with <paramref name="role"/> (the admin gives it on the users page).</summary>
    public Task<BrowserSession> SignInAsync(string role) => SignIn.NewPersonAsync(app.Address, role);

    public async Task<ItemDto> ItemAsync(string sku, decimal unitCost = 1m, Guid? categoryId = null, decimal reorderPoint = 0, string? barcode = null) =>
        await ReadAsync<ItemDto>(await _catalog.PostAsJsonAsync("/api/items",
            new { sku, name = $"Item {sku}", unit = "each", unitCost, reorderPoint, reorderQuantity = 0, categoryId, barcode }), HttpStatusCode.Created);

    public async Task<LocationDto> WarehouseAsync(string code) =>
        await ReadAsync<LocationDto>(await _catalog.PostAsJsonAsync("/api/locations",
            new { code, name = $"Warehouse {code}", kind = "warehouse" }), HttpStatusCode.Created);

    public async Task<LocationDto> BinAsync(string code, Guid parentId) =>
        await ReadAsync<LocationDto>(await _catalog.PostAsJsonAsync("/api/locations",
            new { code, name = $"Bin {code}", kind = "bin", parentId }), HttpStatusCode.Created);

    public async Task<CategoryDto> CategoryAsync(string name) =>
        await ReadAsync<CategoryDto>(await _catalog.PostAsJsonAsync("/api/categories", new { name }), HttpStatusCode.Created);

    public async Task ReceiveAsync(Guid itemId, Guid locationId, decimal quantity)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/movements/receipts")
        {
            Content = JsonContent.Create(new { itemId, locationId, quantity }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var response = await _catalog.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    public async Task<ItemDetailDto> GetItemAsync(Guid id) => await ReadAsync<ItemDetailDto>(await _catalog.GetAsync($"/api/items/{id}"));

    public async Task<ItemDto> RenameItemAsync(ItemDetailDto item, string name) =>
        await ReadAsync<ItemDto>(await _catalog.PutAsJsonAsync($"/api/items/{item.Id}", new
        {
            item.Sku, name, item.Description, item.Unit, item.UnitCost, item.ReorderPoint, item.ReorderQuantity, item.CategoryId,
            item.Barcode, item.PreferredSupplierId, item.Version,
        }));

    /// <summary>The actions of an entity's audit trail, newest first (<c>archive</c>, <c>update</c> …).</summary>
    public async Task<IReadOnlyList<string>> AuditActionsAsync(string entityType, Guid id) =>
        (await ReadAsync<Page<AuditEntryDto>>(await _catalog.GetAsync($"/api/audit?entityType={entityType}&entityId={id}"))).Items.Select(e => e.Action).ToList();

    public async Task<IReadOnlyList<ItemDto>> FindItemsAsync(string search) =>
        (await ReadAsync<Page<ItemDto>>(await _catalog.GetAsync($"/api/items?search={Uri.EscapeDataString(search)}&archived=all"))).Items;

    /// <summary>The on-hand cell of a location's row in the item page's stock table ("" when the location has no row).</summary>
    public static string StockAt(string html, string locationCode) => Html.Cell(
        Regex.Match(html, $"<tr data-location=\"{Regex.Escape(locationCode)}\">(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value, "onHand");

    /// <summary>The rows of the item page's movement table.</summary>
    public static IReadOnlyList<string> MovementRows(string html)
    {
        var table = Regex.Match(html, "id=\"movements\".*?</table>", RegexOptions.Singleline).Value;
        return Regex.Matches(table, "<tr data-movement=\"[^\"]+\">(.*?)</tr>", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToList();
    }

    public static string Text(string html, string id) =>
        System.Net.WebUtility.HtmlDecode(Regex.Match(html, $"id=\"{Regex.Escape(id)}\"[^>]*>(.*?)</", RegexOptions.Singleline).Groups[1].Value).Trim();

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {expected}, got {response.StatusCode}: {body}");
        return System.Text.Json.JsonSerializer.Deserialize<T>(body, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))!;
    }

    public void Dispose() => _catalog.Dispose();
}
