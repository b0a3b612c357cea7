using Microsoft.AspNetCore.Http.HttpResults;

namespace Inventory.ServiceDefaults.Kit;

/// <summary>The result of a unit of work: a value to commit, or the problem that rolls it back.</summary>
public readonly record struct Outcome<T>(T? Value, ProblemHttpResult? Problem)
{
    public bool Succeeded => Problem is null;

    public static implicit operator Outcome<T>(T value) => new(value, null);
    public static implicit operator Outcome<T>(ProblemHttpResult problem) => new(default, problem);
}
