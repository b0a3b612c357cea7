namespace Inventory.Web.Services;

/// <summary>
/// A service's refusal or failure, as a page needs it: the HTTP status, one sentence to show (<see cref="Title"/>: the
/// ProblemDetails' <c>detail</c> when it has one, else its title or a sentence for the status), and field errors
/// keyed by the API's JSON paths (<c>name</c>, <c>lines[2].quantity</c>).
/// </summary>
public sealed record ApiProblem(int Status, string Title, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsNotFound => Status == StatusCodes.Status404NotFound;
    public bool IsForbidden => Status == StatusCodes.Status403Forbidden;
    public bool IsConflict => Status == StatusCodes.Status409Conflict;
    public bool IsUnavailable => Status is StatusCodes.Status502BadGateway or StatusCodes.Status503ServiceUnavailable or StatusCodes.Status504GatewayTimeout;

    /// <summary>A stale optimistic-concurrency version: someone else saved first.</summary>
    public bool IsStale => IsConflict && Errors.ContainsKey("version");
}
