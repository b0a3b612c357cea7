using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Inventory.ServiceDefaults.Kit;

/// <summary>
/// A PostgreSQL session-level advisory lock, held on a connection of its own until disposed: for work that spans
/// several transactions and must run in one replica at a time (migrations, demo seeding). Replicas asking for the same
/// name wait their turn. Work inside one transaction takes <c>pg_advisory_xact_lock</c> instead (TreeWriter).
/// </summary>
public sealed class SessionLock : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly long _key;

    private SessionLock(NpgsqlConnection connection, long key) => (_connection, _key) = (connection, key);

    /// <summary>Waits (without a command timeout: another replica's work may take minutes) until the lock is this process's.</summary>
    public static async Task<SessionLock> TakeAsync(string connectionString, string name, CancellationToken ct)
    {
        // Never a pooled connection: the lock is session state, and pooled connections are not reset when they go
        // back to the pool (No Reset On Close, PostgresConnectionTuning), so a lock whose unlock failed would stay
        // held by an idle connection. Closing an unpooled connection ends the session and every lock with it.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            var key = KeyOf(name);
            await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock($1)", connection) { Parameters = { new() { Value = key } }, CommandTimeout = 0 })
                await take.ExecuteNonQueryAsync(ct);
            return new SessionLock(connection, key);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", _connection) { Parameters = { new() { Value = _key } } };
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
        finally
        {
            // Closing the (unpooled) session releases the lock too, should the unlock itself have failed.
            await _connection.DisposeAsync();
        }
    }

    // Stable across processes (string.GetHashCode is not): the first 8 bytes of SHA-256 of the name.
    private static long KeyOf(string name) => BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes(name)), 0);
}
