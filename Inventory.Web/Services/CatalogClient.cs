namespace Inventory.Web.Services;

/// <summary>Typed client of the catalog service (service discovery resolves its address).</summary>
public sealed class CatalogClient(HttpClient http) : ServiceClient(http, "catalog")
{
    // Items

    /// <summary>The active item whose SKU or barcode is <paramref name="code"/> (the catalog's look-up), or null when there is none.</summary>
    public async Task<ApiResult<ItemSummary?>> FindItemAsync(string code, CancellationToken ct)
    {
        var result = await GetAsync<ItemSummary>(Query("api/items/lookup", ("code", code.Trim())), ct);
        return result.Succeeded ? ApiResult<ItemSummary?>.Ok(result.Value)
            : result.Problem.IsNotFound ? ApiResult<ItemSummary?>.Ok(null)
            : ApiResult<ItemSummary?>.Failed(result.Problem);
    }

    /// <summary>The active items (SKU, barcode) and locations (barcode, code) a scanned code names exactly, regardless of case.</summary>
    public Task<ApiResult<CodeMatches>> LookupCodeAsync(string code, CancellationToken ct) =>
        GetAsync<CodeMatches>(Query("api/lookup", ("code", code.Trim())), ct);

    public Task<ApiResult<Page<ItemSummary>>> FindItemsAsync(ItemQuery query, string? after, int pageSize, CancellationToken ct) =>
        GetAsync<Page<ItemSummary>>(Query("api/items", ("pageSize", Text(pageSize)), ("sort", query.Sort), ("dir", query.Dir), ("archived", query.Archived),
            ("search", query.Search), ("categoryId", query.CategoryId?.ToString()), ("locationId", query.LocationId?.ToString()),
            ("lowStock", query.LowStock ? "true" : null), ("after", after)), ct);

    public Task<ApiResult<ItemDetail>> GetItemAsync(Guid id, CancellationToken ct) => GetAsync<ItemDetail>($"api/items/{id}", ct);

    /// <summary>Creates (no id) or updates an item, against the version in <paramref name="item"/> for an update.</summary>
    public Task<ApiResult<ItemSummary>> SaveItemAsync(Guid? id, ItemWrite item, string idempotencyKey, CancellationToken ct) =>
        SaveAsync<ItemSummary>("api/items", id, id is null ? item with { Version = null } : item, idempotencyKey, ct);

    public Task<ApiResult<ItemSummary>> SetItemArchivedAsync(Guid id, bool archived, string idempotencyKey, CancellationToken ct) =>
        SetArchivedAsync<ItemSummary>("api/items", id, archived, idempotencyKey, ct);

    /// <summary>Archives the item as it was at <paramref name="version"/> (what a list showed): a 409 if it changed since.</summary>
    public Task<ApiResult<ItemSummary>> ArchiveItemAtAsync(Guid id, int version, string idempotencyKey, CancellationToken ct) =>
        WriteAsync<ItemSummary>(HttpMethod.Post, Query($"api/items/{id}/archive", ("version", Text(version))), null, idempotencyKey, ct);

    /// <summary>
    /// The CSV of every stock level (no <paramref name="items"/>), or of the items the list's filters select (its sort and
    /// page aside), or only those of them in <paramref name="ids"/>; the caller streams the body on and disposes the response.
    /// </summary>
    public Task<ApiResult<HttpResponseMessage>> ExportAsync(ItemQuery? items, CancellationToken ct, IReadOnlyList<Guid>? ids = null) =>
        DownloadAsync(items is null ? "api/stock/export" : Query("api/items/export", [("archived", items.Archived), ("search", items.Search),
            ("categoryId", items.CategoryId?.ToString()), ("locationId", items.LocationId?.ToString()), ("lowStock", items.LowStock ? "true" : null),
            .. (ids ?? []).Select(id => ("ids", (string?)id.ToString()))]), ct);

    /// <summary>The CSV of the locations or categories (<paramref name="tree"/>) the tree list's search and "include archived" select.</summary>
    public Task<ApiResult<HttpResponseMessage>> ExportTreeAsync(string tree, string? search, bool includeArchived, CancellationToken ct) =>
        DownloadAsync(Query($"api/{tree}/export", ("search", search), ("includeArchived", includeArchived ? "true" : null)), ct);

    /// <summary>One page of the ledger as the movements page filters it, newest first.</summary>
    public Task<ApiResult<Page<LedgerRow>>> FindMovementsAsync(MovementQuery query, string? after, int pageSize, CancellationToken ct) =>
        GetAsync<Page<LedgerRow>>(Query("api/movements", [.. query.Values(), ("pageSize", Text(pageSize)), ("after", after)]), ct);

    /// <summary>The CSV of every movement the filters select; the caller streams the body on and disposes the response.</summary>
    public Task<ApiResult<HttpResponseMessage>> ExportMovementsAsync(MovementQuery query, CancellationToken ct) =>
        DownloadAsync(Query("api/movements/export", query.Values()), ct);

    private async Task<ApiResult<HttpResponseMessage>> DownloadAsync(string path, CancellationToken ct)
    {
        HttpResponseMessage? response = null;
        var checkedResult = await ApiCalls.SendAsync(Service, async () =>
        {
            response = await Http.SendAsync(LongRunning(new HttpRequestMessage(HttpMethod.Get, path)), HttpCompletionOption.ResponseHeadersRead, ct);
            // ApiCalls disposes what it is given; hand it a copy of the status only so the body stays readable.
            return new HttpResponseMessage(response.StatusCode) { Content = response.IsSuccessStatusCode ? new ByteArrayContent([]) : response.Content };
        }, ct);
        if (checkedResult.Succeeded)
            return ApiResult<HttpResponseMessage>.Ok(response!);
        response?.Dispose();
        return ApiResult<HttpResponseMessage>.Failed(checkedResult.Problem);
    }

    /// <summary>Imports items from CSV (create or update by SKU, all rows or none); a refusal lists each row's errors as <c>row N: field</c>.</summary>
    public Task<ApiResult<ImportCounts>> ImportItemsAsync(Stream csv, string idempotencyKey, CancellationToken ct)
    {
        var content = new StreamContent(csv);
        content.Headers.ContentType = new("text/csv");
        return WriteAsync<ImportCounts>("api/items/import", content, idempotencyKey, ct);
    }

    public Task<ApiResult<DashboardFigures>> GetDashboardAsync(CancellationToken ct) => GetAsync<DashboardFigures>("api/dashboard", ct);

    // Stock

    /// <summary>Books a movement; a repeat with the same key (double submit, retry) gets the first answer instead of booking again.</summary>
    public Task<ApiResult<BookedMovements>> BookMovementAsync(MovementKind kind, MovementWrite movement, string idempotencyKey, CancellationToken ct)
    {
        var path = kind switch
        {
            MovementKind.Receipt => "api/movements/receipts",
            MovementKind.Issue => "api/movements/issues",
            MovementKind.Adjustment => "api/movements/adjustments",
            _ => "api/movements/transfers",
        };
        return WriteAsync<BookedMovements>(HttpMethod.Post, path, movement, idempotencyKey, ct);
    }

    // Cycle counts

    public Task<ApiResult<Page<CountSummary>>> ListCountsAsync(string? status, string? after, int pageSize, CancellationToken ct) =>
        GetAsync<Page<CountSummary>>(Query("api/counts", ("pageSize", Text(pageSize)), ("status", status), ("after", after)), ct);

    /// <summary>The open count of a location, or null when none is (the catalog opens at most one per location).</summary>
    public async Task<ApiResult<CountSummary?>> FindOpenCountAsync(Guid locationId, CancellationToken ct)
    {
        var open = await GetAsync<Page<CountSummary>>(Query("api/counts", ("pageSize", "1"), ("status", "open"), ("locationId", locationId.ToString())), ct);
        return open.Succeeded ? ApiResult<CountSummary?>.Ok(open.Value.Items.FirstOrDefault()) : ApiResult<CountSummary?>.Failed(open.Problem);
    }

    public Task<ApiResult<CountDetail>> GetCountAsync(Guid id, CancellationToken ct) => GetAsync<CountDetail>($"api/counts/{id}", ct);

    public Task<ApiResult<CountDetail>> OpenCountAsync(OpenCountWrite count, string idempotencyKey, CancellationToken ct) =>
        WriteAsync<CountDetail>(HttpMethod.Post, "api/counts", count, idempotencyKey, ct);

    public Task<ApiResult<CountDetail>> RecordCountsAsync(Guid id, IReadOnlyList<CountedLineWrite> lines, string idempotencyKey, CancellationToken ct) =>
        WriteAsync<CountDetail>(HttpMethod.Put, $"api/counts/{id}/lines", new { lines }, idempotencyKey, ct);

    public Task<ApiResult<CountDetail>> PostCountAsync(Guid id, string idempotencyKey, CancellationToken ct) =>
        WriteAsync<CountDetail>(HttpMethod.Post, $"api/counts/{id}/post", null, idempotencyKey, ct);

    public Task<ApiResult<CountDetail>> CancelCountAsync(Guid id, string idempotencyKey, CancellationToken ct) =>
        WriteAsync<CountDetail>(HttpMethod.Post, $"api/counts/{id}/cancel", null, idempotencyKey, ct);

    // Categories and locations: trees listed by path

    public Task<ApiResult<Page<CatalogCategory>>> FindCategoriesAsync(string? search, bool includeArchived, string? after, int pageSize, CancellationToken ct) =>
        GetAsync<Page<CatalogCategory>>(TreeQuery("api/categories", search, includeArchived, after, pageSize), ct);

    public Task<ApiResult<Page<CatalogLocation>>> FindLocationsAsync(string? search, bool includeArchived, string? after, int pageSize, CancellationToken ct) =>
        GetAsync<Page<CatalogLocation>>(TreeQuery("api/locations", search, includeArchived, after, pageSize), ct);

    public Task<ApiResult<CatalogCategory>> GetCategoryAsync(Guid id, CancellationToken ct) => GetAsync<CatalogCategory>($"api/categories/{id}", ct);

    public Task<ApiResult<CatalogCategory>> SaveCategoryAsync(Guid? id, CategoryWrite category, string idempotencyKey, CancellationToken ct) =>
        SaveAsync<CatalogCategory>("api/categories", id, id is null ? category with { Version = null } : category, idempotencyKey, ct);

    public Task<ApiResult<CatalogCategory>> SetCategoryArchivedAsync(Guid id, bool archived, string idempotencyKey, CancellationToken ct) =>
        SetArchivedAsync<CatalogCategory>("api/categories", id, archived, idempotencyKey, ct);

    public Task<ApiResult<CatalogLocation>> GetLocationAsync(Guid id, CancellationToken ct) => GetAsync<CatalogLocation>($"api/locations/{id}", ct);

    public Task<ApiResult<CatalogLocation>> SaveLocationAsync(Guid? id, LocationWrite location, string idempotencyKey, CancellationToken ct) =>
        SaveAsync<CatalogLocation>("api/locations", id, id is null ? location with { Version = null } : location, idempotencyKey, ct);

    public Task<ApiResult<CatalogLocation>> SetLocationArchivedAsync(Guid id, bool archived, string idempotencyKey, CancellationToken ct) =>
        SetArchivedAsync<CatalogLocation>("api/locations", id, archived, idempotencyKey, ct);

    private static string TreeQuery(string path, string? search, bool includeArchived, string? after, int pageSize) =>
        Query(path, ("pageSize", Text(pageSize)), ("search", search), ("after", after), ("includeArchived", includeArchived ? "true" : null));
}
