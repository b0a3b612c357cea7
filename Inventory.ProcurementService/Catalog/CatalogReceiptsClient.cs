using System.Net.Http.Json;
using Inventory.ServiceDefaults;

namespace Inventory.ProcurementService.Catalog;

/// <summary>
/// A receipt movement for the catalog; <c>ReceiptLineId</c> lets the catalog apply it once however often it is sent.
/// The person who received it (<c>ReceivedBy</c>, a user id) goes in the service token, not the body: see <see cref="ServiceTokenHandler"/>.
/// </summary>
public sealed record CatalogReceipt(Guid ReceiptLineId, Guid ItemId, Guid LocationId, decimal Quantity, string Reference,
    [property: System.Text.Json.Serialization.JsonIgnore] string ReceivedBy, DateTimeOffset ReceivedAt);

/// <summary>
/// Posts receipt movements for the outbox dispatcher. Its HttpClient has a timeout but no retries of its own:
/// the dispatcher retries with its own backoff, and stacking the two would only delay the posting state.
/// </summary>
public sealed class CatalogReceiptsClient(HttpClient http)
{
    /// <summary>
    /// Posts a receipt movement; the catalog answers a repeat of the same receipt line with the first result.
    /// Throws <see cref="CatalogUnavailableException"/> when the catalog cannot be reached at all.
    /// </summary>
    public async Task<ReceiptPostResult> PostReceiptAsync(CatalogReceipt receipt, CancellationToken ct)
    {
        using var response = await CatalogUnavailableException.SendAsync(() => http.SendAsync(ServiceTokenHandler.ForPerson(
            new HttpRequestMessage(HttpMethod.Post, "api/receipts") { Content = JsonContent.Create(receipt) }, receipt.ReceivedBy), ct));
        if (response.IsSuccessStatusCode)
            return new(ReceiptPostStatus.Posted, null);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (CatalogRefusals.IsFinal(response.StatusCode))
            return new(ReceiptPostStatus.Refused, CatalogRefusals.Reason(response.StatusCode, response.ReasonPhrase, body));
        return new(ReceiptPostStatus.Failed, $"{(int)response.StatusCode} {response.ReasonPhrase}: {(body.Length <= 500 ? body : body[..500])}");
    }

    /// <summary>
    /// Whether the catalog is ready to take receipts again: its readiness endpoint (<c>/health</c>: the process and its
    /// database) answers 200 within <paramref name="timeout"/>. A cheap probe, so it may run every second during an outage.
    /// </summary>
    public async Task<bool> IsReadyAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        try
        {
            using var response = await http.GetAsync(HealthEndpoints.HealthPath, HttpCompletionOption.ResponseHeadersRead, limit.Token);
            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or Polly.ExecutionRejectedException or TimeoutException
                                       or OperationCanceledException && !ct.IsCancellationRequested)
        {
            return false;
        }
    }
}
