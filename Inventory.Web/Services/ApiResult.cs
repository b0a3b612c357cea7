using System.Diagnostics.CodeAnalysis;

namespace Inventory.Web.Services;

/// <summary>What a typed client returns for calls a page reacts to: the value, or the problem (never an exception for 4xx/5xx).</summary>
public sealed record ApiResult<T>(T? Value, ApiProblem? Problem)
{
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool Succeeded => Problem is null;

    public static ApiResult<T> Ok(T value) => new(value, null);

    public static ApiResult<T> Failed(ApiProblem problem) => new(default, problem);
}
