namespace Inventory.Web.Services;

/// <summary>Typed client of the procurement service (service discovery resolves its address).</summary>
public sealed class ProcurementClient(HttpClient http) : ServiceClient(http, "procurement")
{
    // Suppliers

    public Task<ApiResult<Page<SupplierSummary>>> FindSuppliersAsync(string? search, string? after, int pageSize, bool includeArchived, CancellationToken ct) =>
        GetAsync<Page<SupplierSummary>>(Query("api/suppliers", ("pageSize", Text(pageSize)), ("search", search), ("after", after),
            ("includeArchived", includeArchived ? "true" : null)), ct);

    public Task<ApiResult<SupplierDetail>> GetSupplierAsync(Guid id, CancellationToken ct) => GetAsync<SupplierDetail>($"api/suppliers/{id}", ct);

    /// <summary>Creates (no id) or updates a supplier, against the version in <paramref name="supplier"/> for an update.</summary>
    public Task<ApiResult<SupplierDetail>> SaveSupplierAsync(Guid? id, SupplierWrite supplier, string idempotencyKey, CancellationToken ct) =>
        SaveAsync<SupplierDetail>("api/suppliers", id, id is null ? supplier with { Version = null } : supplier, idempotencyKey, ct);

    public Task<ApiResult<SupplierDetail>> SetSupplierArchivedAsync(Guid id, bool archived, string idempotencyKey, CancellationToken ct) =>
        SetArchivedAsync<SupplierDetail>("api/suppliers", id, archived, idempotencyKey, ct);

    public Task<ApiResult<List<SupplierItemDetail>>> ListSupplierItemsAsync(Guid supplierId, CancellationToken ct) =>
        GetAsync<List<SupplierItemDetail>>($"api/suppliers/{supplierId}/items", ct);

    public Task<ApiResult<SupplierItemDetail>> CreateSupplierItemAsync(Guid supplierId, SupplierItemWrite item, string idempotencyKey, CancellationToken ct) =>
        WriteAsync<SupplierItemDetail>(HttpMethod.Post, $"api/suppliers/{supplierId}/items", item, idempotencyKey, ct);

    public Task<ApiResult<SupplierItemDetail>> UpdateSupplierItemAsync(Guid id, SupplierItemWrite item, string idempotencyKey, CancellationToken ct) =>
        WriteAsync<SupplierItemDetail>(HttpMethod.Put, $"api/supplier-items/{id}", item, idempotencyKey, ct);

    public Task<ApiResult<bool>> DeleteSupplierItemAsync(Guid id, string idempotencyKey, CancellationToken ct) =>
        WriteAsync(HttpMethod.Delete, $"api/supplier-items/{id}", idempotencyKey, ct);

    /// <summary>An item's suppliers, quantity on order and open orders (the item page's purchasing card).</summary>
    public Task<ApiResult<ItemPurchasing>> GetItemPurchasingAsync(Guid itemId, CancellationToken ct) =>
        GetAsync<ItemPurchasing>($"api/items/{itemId}/purchasing", ct);

    // Purchase orders

    public Task<ApiResult<Page<PurchaseOrderSummary>>> ListOrdersAsync(string? status, Guid? supplierId, string? after, int pageSize, CancellationToken ct) =>
        GetAsync<Page<PurchaseOrderSummary>>(Query("api/purchase-orders", ("pageSize", Text(pageSize)), ("status", status),
            ("supplierId", supplierId?.ToString()), ("after", after)), ct);

    /// <summary>Orders whose number contains <paramref name="number"/> regardless of case, newest first.</summary>
    public Task<ApiResult<Page<PurchaseOrderSummary>>> FindOrdersAsync(string number, int pageSize, CancellationToken ct) =>
        GetAsync<Page<PurchaseOrderSummary>>(Query("api/purchase-orders", ("pageSize", Text(pageSize)), ("search", number.Trim())), ct);

    public Task<ApiResult<PurchaseOrderDetail>> GetOrderAsync(Guid id, CancellationToken ct) => GetAsync<PurchaseOrderDetail>($"api/purchase-orders/{id}", ct);

    /// <summary>Creates a draft (no id; the write names the supplier) or updates one against the version in <paramref name="order"/>.</summary>
    public Task<ApiResult<PurchaseOrderDetail>> SaveOrderAsync(Guid? id, PurchaseOrderWrite order, string idempotencyKey, CancellationToken ct) =>
        SaveAsync<PurchaseOrderDetail>("api/purchase-orders", id, order, idempotencyKey, ct);

    /// <summary>Submit, cancel or close, from the version the user saw.</summary>
    public Task<ApiResult<PurchaseOrderDetail>> ChangeOrderStatusAsync(Guid id, OrderAction action, int version, string idempotencyKey, CancellationToken ct) =>
        WriteAsync<PurchaseOrderDetail>(HttpMethod.Post, $"api/purchase-orders/{id}/{action.ToString().ToLowerInvariant()}", new { version }, idempotencyKey, ct);

    public Task<ApiResult<List<GoodsReceipt>>> ListReceiptsAsync(Guid orderId, CancellationToken ct) =>
        GetAsync<List<GoodsReceipt>>($"api/purchase-orders/{orderId}/receipts", ct);

    public Task<ApiResult<GoodsReceipt>> ReceiveAsync(Guid orderId, ReceiveWrite receipt, string idempotencyKey, CancellationToken ct) =>
        WriteAsync<GoodsReceipt>(HttpMethod.Post, $"api/purchase-orders/{orderId}/receipts", receipt, idempotencyKey, ct);

    /// <summary>How many receipt lines the catalog rejected, and their orders (the dashboard's "need attention").</summary>
    public Task<ApiResult<ReceiptAttention>> GetReceiptAttentionAsync(CancellationToken ct) => GetAsync<ReceiptAttention>("api/receipts/attention", ct);

    /// <summary>The dashboard's procurement figures: open orders by status, receipt lines waiting or rejected.</summary>
    public Task<ApiResult<ProcurementFigures>> GetDashboardAsync(CancellationToken ct) => GetAsync<ProcurementFigures>("api/dashboard", ct);

    /// <summary>Posts a rejected receipt line again as it is, once its cause was fixed in the catalog.</summary>
    public Task<ApiResult<GoodsReceiptLine>> RetryReceiptLineAsync(Guid lineId, string idempotencyKey, CancellationToken ct) =>
        WriteAsync<GoodsReceiptLine>(HttpMethod.Post, $"api/receipt-lines/{lineId}/retry", null, idempotencyKey, ct);

    /// <summary>Posts a rejected receipt line again, into another location.</summary>
    public Task<ApiResult<GoodsReceiptLine>> MoveReceiptLineAsync(Guid lineId, Guid? locationId, string idempotencyKey, CancellationToken ct) =>
        WriteAsync<GoodsReceiptLine>(HttpMethod.Post, $"api/receipt-lines/{lineId}/move", new { locationId }, idempotencyKey, ct);

    // Replenishment

    public Task<ApiResult<List<ReorderGroup>>> GetSuggestionsAsync(CancellationToken ct) => GetAsync<List<ReorderGroup>>("api/replenishment", ct);

    public Task<ApiResult<DraftOrders>> CreateDraftsAsync(IReadOnlyList<Guid> itemIds, string idempotencyKey, CancellationToken ct) =>
        WriteAsync<DraftOrders>(HttpMethod.Post, "api/replenishment/drafts", new { itemIds }, idempotencyKey, ct);
}
