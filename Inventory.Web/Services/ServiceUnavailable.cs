namespace Inventory.Web.Services;

/// <summary>Failures that mean "the backend did not answer in time" rather than a bug in this app.</summary>
public static class ServiceUnavailable
{
    public static bool Is(Exception exception) =>
        exception is HttpRequestException or Polly.ExecutionRejectedException or TimeoutException;
}
