using Inventory.ServiceDefaults.Kit;
using Npgsql;

namespace Inventory.ServiceDefaults.Commands;

/// <summary>A database failure in words for the operator at the terminal (no stack trace; Npgsql never prints the password).</summary>
public static class CommandErrors
{
    public static string Describe(Exception ex) => ex.FindPostgresError() is { } pg
        ? pg.SqlState == PostgresErrorCodes.UndefinedTable
            ? $"the database has no such table ({pg.MessageText}): run the migrate command first"
            : $"the database refused a statement: {pg.SqlState} {pg.MessageText}"
        : FindNpgsqlError(ex) is { } npgsql
            ? $"the database is unreachable: {npgsql.Message}{(npgsql.InnerException is { } inner ? $" ({inner.Message})" : "")}"
            : ex.Message;

    private static NpgsqlException? FindNpgsqlError(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is NpgsqlException npgsql)
                return npgsql;
        }
        return null;
    }
}
