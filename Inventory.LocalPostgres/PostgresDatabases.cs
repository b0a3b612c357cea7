using Npgsql;

namespace Inventory.LocalPostgres;

public static class PostgresDatabases
{
    /// <summary>Creates <paramref name="name"/> on the server unless it exists; true when it was created.</summary>
    public static async Task<bool> CreateIfMissingAsync(string serverConnectionString, string name, CancellationToken ct = default)
    {
        var builder = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", name);
        if (await exists.ExecuteScalarAsync(ct) is not null)
            return false;
        try
        {
            // Identifiers cannot be parameters; quote it as one.
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
            await create.ExecuteNonQueryAsync(ct);
            return true;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            return false; // created meanwhile
        }
    }
}
