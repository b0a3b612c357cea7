using System.Text.Json;
using Inventory.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Inventory.ServiceDefaults.Kit;

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
/// Without a key the work simply runs in one transaction — or, for <c>singleStatement</c> work (one statement that
/// applies whole or changes nothing, as the ledger's booking), as that statement alone: no BEGIN and COMMIT around it,
/// so the rows it locks are held for the one round trip. The context must map <see cref="IdempotencyRecord"/>
/// (<see cref="IdempotencyRecordConfiguration"/>).
/// </summary>
public static class IdempotentWrite
{
    public const string ReplayedHeader = "Idempotent-Replayed";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<Results<Created<T>, Ok<T>, ValidationProblem, ProblemHttpResult>> RunAsync<T>(
        DbContext db, HttpContext http, string? key, object request, Func<T, string> location,
        Func<CancellationToken, Task<Outcome<T>>> work, CancellationToken ct, bool created = true, bool singleStatement = false) where T : class
    {
        if (IdempotencyRules.ValidateKey(key) is { } keyError)
            return Problems.Invalid(IdempotencyRules.HeaderName, keyError);
        if (key is null && singleStatement && db.Database.CurrentTransaction is null)
        {
            var single = await work(ct);
            if (single.Problem is not null)
                return single.Problem;
            return created ? TypedResults.Created(location(single.Value!), single.Value) : TypedResults.Ok(single.Value);
        }
        var status = created ? StatusCodes.Status201Created : StatusCodes.Status200OK;
        var caller = CurrentUser.From(http).Id;
        var hash = key is null ? null : IdempotencyRules.Hash(http.Request.Method, http.Request.Path, request);
        var records = db.Set<IdempotencyRecord>();
        return await db.InTransactionAsync<Results<Created<T>, Ok<T>, ValidationProblem, ProblemHttpResult>>(async tx =>
        {
            if (key is not null)
            {
                // Blocks while another transaction holds the same key uncommitted.
                var claimed = await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO idempotency_keys (caller, key, request_hash, status_code, created_at)
                    VALUES ({caller}, {key}, {hash}, 0, now()) ON CONFLICT (caller, key) DO NOTHING
                    """, ct);
                if (claimed == 0)
                    return await AnswerAgainAsync(records, http, caller, key, hash!, location, ct);
            }

            var outcome = await work(ct);
            if (outcome.Problem is not null)
                return outcome.Problem; // disposing the transaction rolls back the change and the key
            if (key is not null)
            {
                var answer = JsonSerializer.Serialize(outcome.Value, Json);
                await records.Where(r => r.Caller == caller && r.Key == key)
                    .ExecuteUpdateAsync(r => r.SetProperty(x => x.StatusCode, status).SetProperty(x => x.ResponseBody, answer), ct);
            }
            await tx.CommitAsync(ct);
            return created ? TypedResults.Created(location(outcome.Value!), outcome.Value) : TypedResults.Ok(outcome.Value);
        }, ct);
    }

    /// <summary>
    /// The answer already stored for this key (committed), or null when there is none: for checks that must run
    /// before the write's transaction (a call to another service) but must not change what a replay answers.
    /// </summary>
    public static async Task<Results<Created<T>, Ok<T>, ValidationProblem, ProblemHttpResult>?> StoredAnswerAsync<T>(
        DbContext db, HttpContext http, string? key, object request, Func<T, string> location, CancellationToken ct) where T : class
    {
        if (key is null)
            return null;
        var caller = CurrentUser.From(http).Id;
        var records = db.Set<IdempotencyRecord>();
        if (!await records.AnyAsync(r => r.Caller == caller && r.Key == key && r.StatusCode != 0, ct))
            return null;
        return await AnswerAgainAsync(records, http, caller, key, IdempotencyRules.Hash(http.Request.Method, http.Request.Path, request), location, ct);
    }

    private static async Task<Results<Created<T>, Ok<T>, ValidationProblem, ProblemHttpResult>> AnswerAgainAsync<T>(
        DbSet<IdempotencyRecord> records, HttpContext http, string caller, string key, string hash, Func<T, string> location, CancellationToken ct)
        where T : class
    {
        var first = await records.AsNoTracking().SingleAsync(r => r.Caller == caller && r.Key == key, ct);
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
