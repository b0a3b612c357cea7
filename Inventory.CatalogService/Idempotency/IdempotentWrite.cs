using System.Security.Claims;
using System.Text.Json;
using Inventory.CatalogService.Common;
using Inventory.CatalogService.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Inventory.CatalogService.Idempotency;

/// <summary>
/// Runs a mutating request at most once per (caller, Idempotency-Key). The key row is inserted first, in the same
/// transaction as the change: the change and its remembered answer commit together or not at all.
/// <list type="bullet">
/// <item>same key, same request: the first answer (status and body) again, with <c>Idempotent-Replayed: true</c>;</item>
/// <item>same key, another request: 422;</item>
/// <item>a duplicate arriving while the first is in flight waits on the key's unique index until the first commits
/// (then it gets the first answer) or rolls back (then it runs itself) — it never applies twice;</item>
/// <item>a refused request (4xx) rolls back with its key, so a retry is evaluated afresh.</item>
/// </list>
/// </summary>
public static class IdempotentWrite
{
    public const string ReplayedHeader = "Idempotent-Replayed";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<Results<Created<T>, Ok<T>, ValidationProblem, ProblemHttpResult>> RunAsync<T>(
        CatalogDbContext db, HttpContext http, string? key, object request, Func<T, string> location,
        Func<CancellationToken, Task<Outcome<T>>> work, CancellationToken ct, bool created = true) where T : class
    {
        var status = created ? StatusCodes.Status201Created : StatusCodes.Status200OK;
        var caller = Caller.Id(http.User);
        var hash = key is null ? null : IdempotencyRules.Hash(http.Request.Method, http.Request.Path, request);
        return await db.InTransactionAsync<Results<Created<T>, Ok<T>, ValidationProblem, ProblemHttpResult>>(async tx =>
        {
            if (key is not null)
            {
                // Blocks while another transaction holds the same key uncommitted.
                var claimed = await db.ExecuteAsync("""
                    INSERT INTO idempotency_keys (caller, key, request_hash, status_code, created_at)
                    VALUES ($1, $2, $3, 0, now()) ON CONFLICT (caller, key) DO NOTHING
                    """, ct, caller, key, hash);
                if (claimed == 0)
                {
                    var first = await db.QuerySingleAsync(
                        "SELECT request_hash, status_code, response_body FROM idempotency_keys WHERE caller = $1 AND key = $2",
                        r => new StoredAnswer(r.GetString(0), r.GetInt32(1), r.IsDBNull(2) ? null : r.GetString(2)), ct, caller, key);
                    if (first is null)
                        throw new InvalidOperationException("An idempotency key row vanished between insert and read.");
                    if (first.RequestHash != hash)
                        return Problems.Unprocessable(IdempotencyRules.HeaderName,
                            "This Idempotency-Key was already used for a different request; use a new key for a new request.");
                    http.Response.Headers[ReplayedHeader] = "true";
                    var body = JsonSerializer.Deserialize<T>(first.ResponseBody!, Json)!;
                    return first.StatusCode == StatusCodes.Status201Created
                        ? TypedResults.Created(location(body), body)
                        : TypedResults.Ok(body);
                }
            }

            var outcome = await work(ct);
            if (outcome.Problem is not null)
                return outcome.Problem; // disposing the transaction rolls back the change and the key
            if (key is not null)
            {
                await db.ExecuteAsync("UPDATE idempotency_keys SET status_code = $3, response_body = $4 WHERE caller = $1 AND key = $2",
                    ct, caller, key, status, JsonSerializer.Serialize(outcome.Value, Json));
            }
            await tx.CommitAsync(ct);
            return created ? TypedResults.Created(location(outcome.Value!), outcome.Value) : TypedResults.Ok(outcome.Value);
        }, ct);
    }

    private sealed record StoredAnswer(string RequestHash, int StatusCode, string? ResponseBody);
}
