using Inventory.ServiceDefaults.Kit;
using System.Globalization;
using Inventory.ServiceDefaults;
using Microsoft.AspNetCore.WebUtilities;

namespace Inventory.Web.Services;

/// <summary>
/// Typed client of the procurement service (service discovery resolves its address). Calls a page reacts to
/// return an <see cref="ApiResult{T}"/> carrying the service's ProblemDetails instead of throwing.
/// </summary>
public sealed class ProcurementClient(HttpClient http)
{
    private const string Service = "procurement";

    public async Task<Page<SupplierSummary>> ListSuppliersAsync(string? search, string? after, int pageSize, CancellationToken ct) =>
        await http.GetFromJsonAsync<Page<SupplierSummary>>(CatalogClient.ListUri("api/suppliers", search, after, pageSize), ct)
        ?? throw new InvalidOperationException("The procurement service returned an empty supplier page.");

    // Suppliers

    public Task<ApiResult<Page<SupplierSummary>>> FindSuppliersAsync(string? search, string? after, int pageSize, bool includeArchived, CancellationToken ct)
    {
        var uri = CatalogClient.ListUri("api/suppliers", search, after, pageSize);
        if (includeArchived)
            uri = QueryHelpers.AddQueryString(uri, "includeArchived", "true");
        return Get<Page<SupplierSummary>>(uri, ct);
    }

    public Task<ApiResult<SupplierDetail>> GetSupplierAsync(Guid id, CancellationToken ct) => Get<SupplierDetail>($"api/suppliers/{id}", ct);

    public Task<ApiResult<SupplierDetail>> CreateSupplierAsync(SupplierWrite supplier, CancellationToken ct) =>
        Send<SupplierDetail>(() => http.PostAsJsonAsync("api/suppliers", supplier, ct), ct);

    public Task<ApiResult<SupplierDetail>> UpdateSupplierAsync(Guid id, SupplierWrite supplier, CancellationToken ct) =>
        Send<SupplierDetail>(() => http.PutAsJsonAsync($"api/suppliers/{id}", supplier, ct), ct);

    public Task<ApiResult<SupplierDetail>> SetSupplierArchivedAsync(Guid id, bool archived, CancellationToken ct) =>
        Send<SupplierDetail>(() => http.PostAsync($"api/suppliers/{id}/{(archived ? "archive" : "unarchive")}", null, ct), ct);

    public Task<ApiResult<List<SupplierItem>>> ListSupplierItemsAsync(Guid supplierId, CancellationToken ct) =>
        Get<List<SupplierItem>>($"api/suppliers/{supplierId}/items", ct);

    public Task<ApiResult<SupplierItem>> CreateSupplierItemAsync(Guid supplierId, SupplierItemWrite item, CancellationToken ct) =>
        Send<SupplierItem>(() => http.PostAsJsonAsync($"api/suppliers/{supplierId}/items", item, ct), ct);

    public Task<ApiResult<SupplierItem>> UpdateSupplierItemAsync(Guid id, SupplierItemWrite item, CancellationToken ct) =>
        Send<SupplierItem>(() => http.PutAsJsonAsync($"api/supplier-items/{id}", item, ct), ct);

    public Task<ApiResult<bool>> DeleteSupplierItemAsync(Guid id, CancellationToken ct) =>
        ApiCalls.SendAsync(Service, () => http.DeleteAsync($"api/supplier-items/{id}", ct), ct);

    /// <summary>Who changed an entity, when, before and after; entity types are <c>supplier</c>, <c>supplier-item</c>, <c>purchase-order</c>.</summary>
    public Task<ApiResult<List<AuditEntry>>> ListAuditAsync(string entityType, Guid entityId, CancellationToken ct) =>
        Get<List<AuditEntry>>(QueryHelpers.AddQueryString("api/audit",
            new Dictionary<string, string?> { ["entityType"] = entityType, ["entityId"] = entityId.ToString() }), ct);

    // Purchase orders

    public Task<ApiResult<Page<PurchaseOrderSummary>>> ListOrdersAsync(string? status, Guid? supplierId, string? after, int pageSize, CancellationToken ct)
    {
        var query = new Dictionary<string, string?> { ["pageSize"] = pageSize.ToString(CultureInfo.InvariantCulture) };
        if (!string.IsNullOrWhiteSpace(status))
            query["status"] = status;
        if (supplierId is not null)
            query["supplierId"] = supplierId.ToString();
        if (!string.IsNullOrWhiteSpace(after))
            query["after"] = after;
        return Get<Page<PurchaseOrderSummary>>(QueryHelpers.AddQueryString("api/purchase-orders", query), ct);
    }

    public Task<ApiResult<PurchaseOrder>> GetOrderAsync(Guid id, CancellationToken ct) => Get<PurchaseOrder>($"api/purchase-orders/{id}", ct);

    public Task<ApiResult<PurchaseOrder>> CreateOrderAsync(PurchaseOrderWrite order, CancellationToken ct) =>
        Send<PurchaseOrder>(() => http.PostAsJsonAsync("api/purchase-orders", order, ct), ct);

    public Task<ApiResult<PurchaseOrder>> UpdateOrderAsync(Guid id, PurchaseOrderWrite order, CancellationToken ct) =>
        Send<PurchaseOrder>(() => http.PutAsJsonAsync($"api/purchase-orders/{id}", order, ct), ct);

    /// <summary>Submit, cancel or close, from the version the user saw.</summary>
    public Task<ApiResult<PurchaseOrder>> ChangeOrderStatusAsync(Guid id, OrderAction action, uint version, CancellationToken ct) =>
        Send<PurchaseOrder>(() => http.PostAsJsonAsync($"api/purchase-orders/{id}/{action.ToString().ToLowerInvariant()}", new { version }, ct), ct);

    public Task<ApiResult<List<Receipt>>> ListReceiptsAsync(Guid orderId, CancellationToken ct) =>
        Get<List<Receipt>>($"api/purchase-orders/{orderId}/receipts", ct);

    public Task<ApiResult<Receipt>> ReceiveAsync(Guid orderId, ReceiveWrite receipt, CancellationToken ct) =>
        Send<Receipt>(() => http.PostAsJsonAsync($"api/purchase-orders/{orderId}/receipts", receipt, ct), ct);

    // Replenishment

    public Task<ApiResult<List<SuggestionGroup>>> GetSuggestionsAsync(CancellationToken ct) => Get<List<SuggestionGroup>>("api/replenishment", ct);

    public Task<ApiResult<CreateDraftsResult>> CreateDraftsAsync(IReadOnlyList<Guid> itemIds, CancellationToken ct) =>
        Send<CreateDraftsResult>(() => http.PostAsJsonAsync("api/replenishment/drafts", new { itemIds }, ct), ct);

    private Task<ApiResult<T>> Get<T>(string uri, CancellationToken ct) => ApiCalls.SendAsync<T>(Service, () => http.GetAsync(uri, ct), ct);

    private static Task<ApiResult<T>> Send<T>(Func<Task<HttpResponseMessage>> send, CancellationToken ct) => ApiCalls.SendAsync<T>(Service, send, ct);
}

public enum OrderAction
{
    Submit,
    Cancel,
    Close,
}
