using Npgsql;

namespace Inventory.ServiceDefaults.Kit;

/// <summary>What a failed statement says about the data: which constraint refused it.</summary>
public static class DatabaseErrors
{
    public static bool IsUniqueViolation(this Exception ex, string? constraint = null) => Is(ex, PostgresErrorCodes.UniqueViolation, constraint);

    public static bool IsCheckViolation(this Exception ex, string? constraint = null) => Is(ex, PostgresErrorCodes.CheckViolation, constraint);

    public static bool IsForeignKeyViolation(this Exception ex, string? constraint = null) => Is(ex, PostgresErrorCodes.ForeignKeyViolation, constraint);

    /// <summary>The server's error in <paramref name="ex"/> or its inner exceptions.</summary>
    public static PostgresException? FindPostgresError(this Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is PostgresException pg)
                return pg;
        }
        return null;
    }

    private static bool Is(Exception ex, string sqlState, string? constraint) =>
        ex.FindPostgresError() is { } pg && pg.SqlState == sqlState && (constraint is null || pg.ConstraintName == constraint);
}
