using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Inventory.ServiceDefaults.Kit;

/// <summary>The usual write endpoint in one call: the request's validation errors as a 400, else <see cref="IdempotentWrite.RunAsync"/>.</summary>
public static class ValidatedWrite
{
    public static async Task<Results<Created<T>, Ok<T>, ValidationProblem, ProblemHttpResult>> RunAsync<T>(
        IDictionary<string, string[]> errors, DbContext db, HttpContext http, string? key, object request, Func<T, string> location,
        Func<CancellationToken, Task<Outcome<T>>> work, CancellationToken ct, bool created = true) where T : class =>
        errors.Count > 0
            ? TypedResults.ValidationProblem(errors)
            : await IdempotentWrite.RunAsync(db, http, key, request, location, work, ct, created);
}
