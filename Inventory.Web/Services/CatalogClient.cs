using Inventory.ServiceDefaults.Kit;
using System.Globalization;
using Inventory.ServiceDefaults;
using Microsoft.AspNetCore.WebUtilities;

namespace Inventory.Web.Services;

/// <summary>Typed client of the catalog service (service discovery resolves its address).</summary>
public sealed class CatalogClient(HttpClient http)
{
    private const string Service = "catalog";

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

    // Items

    public Task<ApiResult<Page<CatalogItem>>> FindItemsAsync(ItemQuery query, string? after, int pageSize, CancellationToken ct)
    {
        var values = new Dictionary<string, string?>
        {
            ["pageSize"] = pageSize.ToString(CultureInfo.InvariantCulture), ["sort"] = query.Sort, ["dir"] = query.Dir, ["archived"] = query.Archived,
        };
        if (!string.IsNullOrWhiteSpace(query.Search))
            values["search"] = query.Search;
        if (query.CategoryId is { } categoryId)
            values["categoryId"] = categoryId.ToString();
        if (query.LocationId is { } locationId)
            values["locationId"] = locationId.ToString();
        if (query.LowStock)
            values["lowStock"] = "true";
        if (!string.IsNullOrWhiteSpace(after))
            values["after"] = after;
        return Get<Page<CatalogItem>>(QueryHelpers.AddQueryString("api/items", values), ct);
    }

    public Task<ApiResult<CatalogItemDetail>> GetItemAsync(Guid id, CancellationToken ct) => Get<CatalogItemDetail>($"api/items/{id}", ct);

    public Task<ApiResult<CatalogItem>> CreateItemAsync(CatalogItemWrite item, CancellationToken ct) =>
        Send<CatalogItem>(() => http.PostAsJsonAsync("api/items", item with { Version = null }, ct), ct);

    public Task<ApiResult<CatalogItem>> UpdateItemAsync(Guid id, CatalogItemWrite item, CancellationToken ct) =>
        Send<CatalogItem>(() => http.PutAsJsonAsync($"api/items/{id}", item, ct), ct);

    public Task<ApiResult<CatalogItem>> SetItemArchivedAsync(Guid id, bool archived, CancellationToken ct) =>
        Send<CatalogItem>(() => http.PostAsync($"api/items/{id}/{(archived ? "archive" : "unarchive")}", null, ct), ct);

    /// <summary>Who changed an item, category or location, newest first (the latest <paramref name="pageSize"/>).</summary>
    public Task<ApiResult<Page<CatalogAuditEntry>>> ListAuditAsync(string entityType, Guid entityId, int pageSize, CancellationToken ct) =>
        Get<Page<CatalogAuditEntry>>(QueryHelpers.AddQueryString("api/audit", new Dictionary<string, string?>
        {
            ["entityType"] = entityType, ["entityId"] = entityId.ToString(), ["pageSize"] = pageSize.ToString(CultureInfo.InvariantCulture),
        }), ct);

    // Stock

    /// <summary>
    /// Books a movement. The form's <paramref name="idempotencyKey"/> goes with it, so a double submit (or the HTTP
    /// client's own retry) is booked once: the catalog answers a repeat with the first result.
    /// </summary>
    public Task<ApiResult<MovementResult>> BookMovementAsync(MovementKind kind, MovementWrite movement, string idempotencyKey, CancellationToken ct)
    {
        var path = kind switch
        {
            MovementKind.Receipt => "api/movements/receipts",
            MovementKind.Issue => "api/movements/issues",
            MovementKind.Adjustment => "api/movements/adjustments",
            _ => "api/movements/transfers",
        };
        return SendWithKey<MovementResult>(HttpMethod.Post, path, movement, idempotencyKey, ct);
    }

    // Cycle counts

    public Task<ApiResult<Page<CountSummary>>> ListCountsAsync(string? status, string? after, int pageSize, CancellationToken ct)
    {
        var uri = ListUri("api/counts", null, after, pageSize);
        return Get<Page<CountSummary>>(string.IsNullOrWhiteSpace(status) ? uri : QueryHelpers.AddQueryString(uri, "status", status), ct);
    }

    public Task<ApiResult<CountSession>> GetCountAsync(Guid id, CancellationToken ct) => Get<CountSession>($"api/counts/{id}", ct);

    public Task<ApiResult<CountSession>> OpenCountAsync(OpenCountWrite count, string idempotencyKey, CancellationToken ct) =>
        SendWithKey<CountSession>(HttpMethod.Post, "api/counts", count, idempotencyKey, ct);

    public Task<ApiResult<CountSession>> RecordCountsAsync(Guid id, IReadOnlyList<CountedLineWrite> lines, string idempotencyKey, CancellationToken ct) =>
        SendWithKey<CountSession>(HttpMethod.Put, $"api/counts/{id}/lines", new { lines }, idempotencyKey, ct);

    public Task<ApiResult<CountSession>> PostCountAsync(Guid id, string idempotencyKey, CancellationToken ct) =>
        SendWithKey<CountSession>(HttpMethod.Post, $"api/counts/{id}/post", null, idempotencyKey, ct);

    public Task<ApiResult<CountSession>> CancelCountAsync(Guid id, CancellationToken ct) =>
        Send<CountSession>(() => http.PostAsync($"api/counts/{id}/cancel", null, ct), ct);

    /// <summary>A write carrying the form's Idempotency-Key, so a repeat (double submit, retry) gets the first answer.</summary>
    private Task<ApiResult<T>> SendWithKey<T>(HttpMethod method, string path, object? body, string idempotencyKey, CancellationToken ct) =>
        Send<T>(() =>
        {
            var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
            request.Headers.TryAddWithoutValidation(IdempotencyKeyHeader, idempotencyKey);
            return http.SendAsync(request, ct);
        }, ct);

    /// <summary>The CSV of all items or of the non-zero stock levels; the caller streams the body on and disposes the response.</summary>
    public async Task<ApiResult<HttpResponseMessage>> ExportAsync(bool stock, CancellationToken ct)
    {
        var path = stock ? "api/stock/export" : "api/items/export";
        HttpResponseMessage? response = null;
        var checkedResult = await ApiCalls.SendAsync(Service, async () =>
        {
            response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, ct);
            // ApiCalls disposes what it is given; hand it a copy of the status only so the body stays readable.
            return new HttpResponseMessage(response.StatusCode) { Content = response.IsSuccessStatusCode ? new ByteArrayContent([]) : response.Content };
        }, ct);
        if (checkedResult.Succeeded)
            return ApiResult<HttpResponseMessage>.Ok(response!);
        response?.Dispose();
        return ApiResult<HttpResponseMessage>.Failed(checkedResult.Problem);
    }

    /// <summary>Imports items from CSV (create or update by SKU, all rows or none); a refusal lists each row's errors as <c>row N: field</c>.</summary>
    public Task<ApiResult<ImportCounts>> ImportItemsAsync(Stream csv, CancellationToken ct) =>
        Send<ImportCounts>(() =>
        {
            var content = new StreamContent(csv);
            content.Headers.ContentType = new("text/csv");
            return http.PostAsync("api/items/import", content, ct);
        }, ct);

    public Task<ApiResult<DashboardFigures>> GetDashboardAsync(CancellationToken ct) => Get<DashboardFigures>("api/dashboard", ct);

    // Categories and locations

    public Task<ApiResult<Page<CatalogCategory>>> ListCategoriesAsync(bool includeArchived, CancellationToken ct) =>
        Get<Page<CatalogCategory>>(TreeUri("api/categories", includeArchived), ct);

    public Task<ApiResult<Page<CatalogLocation>>> ListLocationTreeAsync(bool includeArchived, CancellationToken ct) =>
        Get<Page<CatalogLocation>>(TreeUri("api/locations", includeArchived), ct);

    /// <summary>Categories or locations (<paramref name="path"/> <c>api/categories</c>, <c>api/locations</c>) by path, a page at a time.</summary>
    public Task<ApiResult<Page<T>>> FindTreeAsync<T>(string path, string? search, bool includeArchived, string? after, int pageSize, CancellationToken ct)
    {
        var uri = ListUri(path, search, after, pageSize);
        return Get<Page<T>>(includeArchived ? QueryHelpers.AddQueryString(uri, "includeArchived", "true") : uri, ct);
    }

    public Task<ApiResult<CatalogLocation>> GetLocationAsync(Guid id, CancellationToken ct) => Get<CatalogLocation>($"api/locations/{id}", ct);

    public Task<ApiResult<CatalogLocation>> SaveLocationAsync(Guid? id, LocationWrite location, CancellationToken ct) =>
        Send<CatalogLocation>(() => id is { } existing
            ? http.PutAsJsonAsync($"api/locations/{existing}", location, ct)
            : http.PostAsJsonAsync("api/locations", location with { Version = null }, ct), ct);

    public Task<ApiResult<CatalogLocation>> SetLocationArchivedAsync(Guid id, bool archived, CancellationToken ct) =>
        Send<CatalogLocation>(() => http.PostAsync($"api/locations/{id}/{(archived ? "archive" : "unarchive")}", null, ct), ct);

    public Task<ApiResult<CatalogCategory>> GetCategoryAsync(Guid id, CancellationToken ct) => Get<CatalogCategory>($"api/categories/{id}", ct);

    public Task<ApiResult<CatalogCategory>> SaveCategoryAsync(Guid? id, CategoryWrite category, CancellationToken ct) =>
        Send<CatalogCategory>(() => id is { } existing
            ? http.PutAsJsonAsync($"api/categories/{existing}", category, ct)
            : http.PostAsJsonAsync("api/categories", category with { Version = null }, ct), ct);

    public Task<ApiResult<CatalogCategory>> SetCategoryArchivedAsync(Guid id, bool archived, CancellationToken ct) =>
        Send<CatalogCategory>(() => http.PostAsync($"api/categories/{id}/{(archived ? "archive" : "unarchive")}", null, ct), ct);

    public const string IdempotencyKeyHeader = "Idempotency-Key";

    private static string TreeUri(string path, bool includeArchived)
    {
        var uri = ListUri(path, null, null, Paging.MaxPageSize);
        return includeArchived ? QueryHelpers.AddQueryString(uri, "includeArchived", "true") : uri;
    }

    private Task<ApiResult<T>> Get<T>(string uri, CancellationToken ct) => ApiCalls.SendAsync<T>(Service, () => http.GetAsync(uri, ct), ct);

    private static Task<ApiResult<T>> Send<T>(Func<Task<HttpResponseMessage>> send, CancellationToken ct) => ApiCalls.SendAsync<T>(Service, send, ct);

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
