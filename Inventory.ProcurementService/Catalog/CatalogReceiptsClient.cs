using System.Net.Http.Json;

namespace Inventory.ProcurementService.Catalog;

/// <summary>A receipt movement for the catalog; <c>ReceiptLineId</c> lets the catalog apply it once however often it is sent.</summary>
public sealed record CatalogReceipt(Guid ReceiptLineId, Guid ItemId, Guid LocationId, decimal Quantity, string Reference);

/// <summary>
/// Posts receipt movements for the outbox dispatcher. Its HttpClient has a timeout but no retries of its own:
/// the dispatcher retries with its own backoff, and stacking the two would only delay the posting state.
/// </summary>
public sealed class CatalogReceiptsClient(HttpClient http)
{
    /// <summary>Posts a receipt movement; the catalog answers a repeat of the same receipt line with the first result.</summary>
    public async Task<(bool Posted, string? Error)> PostReceiptAsync(CatalogReceipt receipt, CancellationToken ct)
    {
        using var response = await CatalogUnavailableException.SendAsync(() => http.PostAsJsonAsync("api/receipts", receipt, ct));
        if (response.IsSuccessStatusCode)
            return (true, null);
        var body = await response.Content.ReadAsStringAsync(ct);
        return (false, $"{(int)response.StatusCode} {response.ReasonPhrase}: {(body.Length <= 500 ? body : body[..500])}");
    }
}
