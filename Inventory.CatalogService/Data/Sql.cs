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
        await using var _ = await OpenAsync(db, ct);
        await using var command = db.Command(sql, parameters);
        return await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The rows of a query, each read by <paramref name="read"/>.</summary>
    public static async Task<List<T>> QueryAsync<T>(this CatalogDbContext db, string sql, Func<DbDataReader, T> read, CancellationToken ct,
        params object?[] parameters)
    {
        await using var _ = await OpenAsync(db, ct);
        await using var command = db.Command(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct))
            rows.Add(read(reader));
        return rows;
    }

    /// <summary>Opens the context's connection when no transaction holds it open; disposing closes it again.</summary>
    private static async Task<IAsyncDisposable> OpenAsync(CatalogDbContext db, CancellationToken ct)
    {
        if (db.Database.GetDbConnection().State == System.Data.ConnectionState.Open)
            return NoOp.Instance;
        await db.Database.OpenConnectionAsync(ct);
        return new Closer(db);
    }

    private sealed class NoOp : IAsyncDisposable
    {
        public static readonly NoOp Instance = new();
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class Closer(CatalogDbContext db) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await db.Database.CloseConnectionAsync();
    }

    public static async Task<T?> QuerySingleAsync<T>(this CatalogDbContext db, string sql, Func<DbDataReader, T> read, CancellationToken ct,
        params object?[] parameters) where T : class =>
        (await db.QueryAsync(sql, read, ct, parameters)).FirstOrDefault();
}
