namespace Inventory.ProcurementService.Catalog;

/// <summary>The catalog could not be reached or failed (5xx); the caller may retry later.</summary>
public sealed class CatalogUnavailableException(Exception inner) : Exception("The catalog service is unavailable.", inner)
{
    /// <summary>Sends a request to the catalog, turning a network failure or timeout into this exception.</summary>
    public static async Task<HttpResponseMessage> SendAsync(Func<Task<HttpResponseMessage>> send)
    {
        try
        {
            return await send();
        }
        catch (Exception ex) when (ex is HttpRequestException or Polly.ExecutionRejectedException or TimeoutException or TaskCanceledException)
        {
            throw new CatalogUnavailableException(ex);
        }
    }
}
