using System.Data.Common;
using Npgsql;

namespace Inventory.ServiceDefaults;

/// <summary>
/// Pool and timeout defaults for every service's PostgreSQL connection string: a warm minimum pool,
/// a cap that keeps several replicas under the server's connection limit, TCP keepalives so dead
/// connections are noticed, bounded connect and query times, and pruning of idle connections so a
/// connection broken by a server restart is not handed out for long. Values already in the
/// connection string win, so an operator can override any of them.
/// </summary>
public static class PostgresConnectionTuning
{
    public static string? Apply(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
            return connectionString;

        // Parse with the generic builder: it keeps only the keys actually written, under their given spelling.
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var givenKeys = given.Keys.Cast<string>().Select(Normalize).ToHashSet();
        var tuned = new NpgsqlConnectionStringBuilder(connectionString);
        foreach (var (key, value) in Defaults)
        {
            if (!givenKeys.Contains(Normalize(key)))
                tuned[key] = value;
        }
        return tuned.ConnectionString;
    }

    private static readonly (string Key, object Value)[] Defaults =
    [
        ("Minimum Pool Size", 4),
        ("Maximum Pool Size", 20),
        ("Timeout", 10),
        ("Command Timeout", 60),
        ("Keepalive", 30),
        ("Tcp Keepalive", true),
        ("Connection Idle Lifetime", 300),
        ("Connection Lifetime", 3600),
    ];

    private static string Normalize(string key) => key.Replace(" ", "").ToLowerInvariant();
}
