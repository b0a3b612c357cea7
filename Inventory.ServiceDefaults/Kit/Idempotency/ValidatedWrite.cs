using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Inventory.ServiceDefaults.Kit;

/// <summary>
/// The usual write endpoint in one call: the request's validation errors and the Idempotency-Key's, answered together
/// as one 400; then the optional <c>precheck</c> — a check that needs another service, run before the transaction so
/// no transaction waits on a network call, and skipped for a replay so a replay still gets the first answer; otherwise
/// the work, at most once per key (<see cref="IdempotentWrite.RunAsync"/>; <c>singleStatement</c>: see there).
/// </summary>
public static class ValidatedWrite
{
    public static async Task<Results<Created<T>, Ok<T>, ValidationProblem, ProblemHttpResult>> RunAsync<T>(
        Dictionary<string, string[]> errors, DbContext db, HttpContext http, string? key, object request, Func<T, string> location,
        Func<CancellationToken, Task<Outcome<T>>> work, CancellationToken ct, bool created = true,
        Func<CancellationToken, Task<ProblemHttpResult?>>? precheck = null, bool singleStatement = false) where T : class
    {
        if (IdempotencyRules.ValidateKey(key) is { } keyError)
            errors[IdempotencyRules.HeaderName] = [keyError];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        if (precheck is not null)
        {
            if (await IdempotentWrite.StoredAnswerAsync(db, http, key, request, location, ct) is { } replay)
                return replay;
            if (await precheck(ct) is { } refused)
                return refused;
        }
        return await IdempotentWrite.RunAsync(db, http, key, request, location, work, ct, created, singleStatement);
    }
}
