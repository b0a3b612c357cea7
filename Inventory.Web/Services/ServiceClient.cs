using System.Globalization;
using Inventory.ServiceDefaults;
using Microsoft.AspNetCore.WebUtilities;

namespace Inventory.Web.Services;

/// <summary>
/// What the typed clients of the services share: reads, writes that always carry the form's
/// <c>Idempotency-Key</c> (so a double submit or a retry is applied once), archive toggles and the kit's audit API.
/// Answers become <see cref="ApiResult{T}"/>s (<see cref="ApiCalls"/>).
/// </summary>
public abstract class ServiceClient(HttpClient http, string service)
{
    protected HttpClient Http => http;
    protected string Service => service;

    /// <summary>Who changed an entity, when, each field before and after; newest first (the latest <paramref name="pageSize"/>).</summary>
    public Task<ApiResult<Page<AuditEntryDto>>> ListAuditAsync(string entityType, Guid entityId, int pageSize, CancellationToken ct) =>
        GetAsync<Page<AuditEntryDto>>(Query("api/audit", ("entityType", entityType), ("entityId", entityId.ToString()), ("pageSize", Text(pageSize))), ct);

    protected Task<ApiResult<T>> GetAsync<T>(string uri, CancellationToken ct) => ApiCalls.SendAsync<T>(service, () => http.GetAsync(uri, ct), ct);

    /// <summary>A write with a JSON body (or none) that answers with <typeparamref name="T"/>.</summary>
    protected Task<ApiResult<T>> WriteAsync<T>(HttpMethod method, string path, object? body, string idempotencyKey, CancellationToken ct) =>
        ApiCalls.SendAsync<T>(service, () => http.SendAsync(Request(method, path, body is null ? null : JsonContent.Create(body), idempotencyKey), ct), ct);

    /// <summary>A write whose success has no body worth reading (204 No Content).</summary>
    protected Task<ApiResult<bool>> WriteAsync(HttpMethod method, string path, string idempotencyKey, CancellationToken ct) =>
        ApiCalls.SendAsync(service, () => http.SendAsync(Request(method, path, null, idempotencyKey), ct), ct);

    /// <summary>A write with a body that is not JSON (a CSV upload): long-running (<see cref="TimeBudgets.LongRunning"/>).</summary>
    protected Task<ApiResult<T>> WriteAsync<T>(string path, HttpContent content, string idempotencyKey, CancellationToken ct) =>
        ApiCalls.SendAsync<T>(service, () => http.SendAsync(LongRunning(Request(HttpMethod.Post, path, content, idempotencyKey)), ct), ct);

    /// <summary>Marks <paramref name="request"/> as a call to a long-running endpoint (CSV), so it gets that budget.</summary>
    protected static HttpRequestMessage LongRunning(HttpRequestMessage request)
    {
        request.Options.Set(TimeBudgets.LongRunningCall, true);
        return request;
    }

    /// <summary>Creates (no id: POST to <paramref name="path"/>) or replaces (PUT to <c>path/id</c>) an entity.</summary>
    protected Task<ApiResult<T>> SaveAsync<T>(string path, Guid? id, object body, string idempotencyKey, CancellationToken ct) =>
        id is { } existing
            ? WriteAsync<T>(HttpMethod.Put, $"{path}/{existing}", body, idempotencyKey, ct)
            : WriteAsync<T>(HttpMethod.Post, path, body, idempotencyKey, ct);

    /// <summary><c>POST path/id/archive</c> or <c>…/unarchive</c>.</summary>
    protected Task<ApiResult<T>> SetArchivedAsync<T>(string path, Guid id, bool archived, string idempotencyKey, CancellationToken ct) =>
        WriteAsync<T>(HttpMethod.Post, $"{path}/{id}/{(archived ? "archive" : "unarchive")}", null, idempotencyKey, ct);

    /// <summary><paramref name="path"/> with the query values that are not empty.</summary>
    protected static string Query(string path, params (string Name, string? Value)[] values) =>
        QueryHelpers.AddQueryString(path, values.Where(v => !string.IsNullOrWhiteSpace(v.Value))
            .Select(v => new KeyValuePair<string, string?>(v.Name, v.Value)));

    protected static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static HttpRequestMessage Request(HttpMethod method, string path, HttpContent? content, string idempotencyKey)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.TryAddWithoutValidation(IdempotencyRules.HeaderName, idempotencyKey);
        return request;
    }
}
