using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Inventory.CatalogService.Data;

/// <summary>
/// Plain parameterized SQL on the context's connection, inside its current transaction: for the statements whose
/// exact shape is the point (guarded updates, upserts, RETURNING), where LINQ would hide it.
/// </summary>
internal static class Sql
{
    public static NpgsqlCommand Command(this CatalogDbContext db, string sql, params object?[] parameters)
    {
        var command = new NpgsqlCommand(sql, (NpgsqlConnection)db.Database.GetDbConnection(),
            (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction());
        foreach (var value in parameters)
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        return command;
    }

    public static async Task<int> ExecuteAsync(this CatalogDbContext db, string sql, CancellationToken ct, params object?[] parameters)
    {
        await using var command = db.Command(sql, parameters);
        return await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The rows of a query, each read by <paramref name="read"/>.</summary>
    public static async Task<List<T>> QueryAsync<T>(this CatalogDbContext db, string sql, Func<DbDataReader, T> read, CancellationToken ct,
        params object?[] parameters)
    {
        await using var command = db.Command(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct))
            rows.Add(read(reader));
        return rows;
    }

    public static async Task<T?> QuerySingleAsync<T>(this CatalogDbContext db, string sql, Func<DbDataReader, T> read, CancellationToken ct,
        params object?[] parameters) where T : class =>
        (await db.QueryAsync(sql, read, ct, parameters)).FirstOrDefault();
}
