using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Inventory.ServiceDefaults.Kit;

/// <summary>Units of work on a DbContext: one transaction under the retrying execution strategy, and saving with conflicts mapped.</summary>
public static class Transactions
{
    /// <summary>
    /// Runs <paramref name="work"/> in a transaction under the retrying execution strategy (a transient failure
    /// re-runs the whole unit, from a clean change tracker). The work commits when it chooses to; otherwise the
    /// transaction is rolled back when disposed. Called inside a unit already (a writer with its own unit, run by the
    /// kit's <see cref="IdempotentWrite"/>), the work joins that unit, and the outer unit alone commits or rolls back.
    /// </summary>
    public static Task<T> InTransactionAsync<T>(this DbContext db, Func<IDbContextTransaction, Task<T>> work, CancellationToken ct) =>
        db.Database.CurrentTransaction is { } outer
            ? work(new JoinedTransaction(outer))
            : db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                return await work(tx);
            });

    /// <summary>
    /// Saves the tracked changes. A lost optimistic-concurrency race is the stale-version 409 for <paramref name="what"/>;
    /// a unique violation is what <paramref name="onUnique"/> makes of it (given the constraint's name), or a 409.
    /// </summary>
    public static async Task<ProblemHttpResult?> TrySaveAsync(this DbContext db, string what, CancellationToken ct,
        Func<string?, ProblemHttpResult>? onUnique = null)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.StaleVersion(what);
        }
        catch (DbUpdateException ex) when (ex.FindPostgresError() is { SqlState: PostgresErrorCodes.UniqueViolation } pg)
        {
            return onUnique?.Invoke(pg.ConstraintName)
                ?? Problems.Conflict("body", $"Another {what} already has these values.");
        }
    }
}
