namespace Inventory.Web.Services;

/// <summary>Failures that mean "the backend did not answer in time" rather than a refusal or a bug in this app.</summary>
public static class ServiceUnavailable
{
    public static bool Is(Exception exception) => exception switch
    {
        HttpRequestException { StatusCode: null } => true, // no connection
        HttpRequestException { StatusCode: { } status } => (int)status >= 500,
        Polly.ExecutionRejectedException or TimeoutException => true,
        _ => false,
    };
}
