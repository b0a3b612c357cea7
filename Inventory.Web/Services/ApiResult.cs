using System.Diagnostics.CodeAnalysis;

namespace Inventory.Web.Services;

/// <summary>
/// A service's refusal or failure, as a page needs it: the HTTP status, one sentence to show, and field errors
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

/// <summary>What a typed client returns for calls a page reacts to: the value, or the problem (never an exception for 4xx/5xx).</summary>
public sealed record ApiResult<T>(T? Value, ApiProblem? Problem)
{
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool Succeeded => Problem is null;

    public static ApiResult<T> Ok(T value) => new(value, null);

    public static ApiResult<T> Failed(ApiProblem problem) => new(default, problem);
}
