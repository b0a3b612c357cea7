using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Inventory.CatalogService.Data;

internal static class Transactions
{
    /// <summary>
    /// Runs <paramref name="work"/> in a transaction under the retrying execution strategy (a transient failure
    /// re-runs the whole unit, from a clean change tracker). The work commits when it succeeds; otherwise the
    /// transaction is rolled back when disposed.
    /// </summary>
    public static Task<T> InTransactionAsync<T>(this CatalogDbContext db, Func<IDbContextTransaction, Task<T>> work, CancellationToken ct) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            return await work(tx);
        });

    public static bool IsUniqueViolation(this Exception ex, string? constraint = null) =>
        Find(ex) is { SqlState: PostgresErrorCodes.UniqueViolation } pg && (constraint is null || pg.ConstraintName == constraint);

    public static bool IsCheckViolation(this Exception ex, string? constraint = null) =>
        Find(ex) is { SqlState: PostgresErrorCodes.CheckViolation } pg && (constraint is null || pg.ConstraintName == constraint);

    private static PostgresException? Find(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is PostgresException pg)
                return pg;
        }
        return null;
    }
}
