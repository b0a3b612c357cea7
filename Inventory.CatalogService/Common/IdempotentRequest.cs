using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Inventory.CatalogService.Common;

/// <summary>A write that accepts an <c>Idempotency-Key</c>: the body's problems and the key's are answered together.</summary>
public static class IdempotentRequest
{
    /// <summary>400 with every problem of <paramref name="errors"/> and of the key; otherwise the work, at most once per key (<see cref="IdempotentWrite"/>).</summary>
    public static async Task<Results<Created<T>, Ok<T>, ValidationProblem, ProblemHttpResult>> RunAsync<T>(Dictionary<string, string[]> errors,
        DbContext db, HttpContext http, string? key, object request, Func<T, string> location, Func<CancellationToken, Task<Outcome<T>>> work,
        CancellationToken ct, bool created = true) where T : class
    {
        if (IdempotencyRules.ValidateKey(key) is { } keyError)
            errors[IdempotencyRules.HeaderName] = [keyError];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        return await IdempotentWrite.RunAsync(db, http, key, request, location, work, ct, created);
    }
}
