using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Inventory.ServiceDefaults.Kit;

/// <summary>What a handler answers for the <see cref="Outcome{T}"/> of a service: the value, or the problem.</summary>
public static class OutcomeResults
{
    public static Results<Ok<T>, ProblemHttpResult> ToOk<T>(this Outcome<T> outcome) =>
        outcome.Problem is { } problem ? problem : TypedResults.Ok(outcome.Value);

    public static Results<Created<T>, ProblemHttpResult> ToCreated<T>(this Outcome<T> outcome, Func<T, string> location) =>
        outcome.Problem is { } problem ? problem : TypedResults.Created(location(outcome.Value!), outcome.Value);
}
