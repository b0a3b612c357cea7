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

        var tuned = new NpgsqlConnectionStringBuilder(connectionString);
        var given = CanonicalKeys(tuned);
        foreach (var (key, value) in Defaults)
        {
            if (!given.Contains(CanonicalKeys(new NpgsqlConnectionStringBuilder { [key] = value }).Single()))
                tuned[key] = value;
        }
        return tuned.ConnectionString;
    }

    // Npgsql writes back only the keys that were set, under their canonical names, whatever synonym was used.
    private static HashSet<string> CanonicalKeys(NpgsqlConnectionStringBuilder builder) =>
        new DbConnectionStringBuilder { ConnectionString = builder.ConnectionString }.Keys
            .Cast<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);

    private static readonly (string Key, object Value)[] Defaults =
    [
        ("Minimum Pool Size", 4),
        ("Maximum Pool Size", 20),
        // Connect and command timeouts are the database's time budget, shorter than a request's (TimeBudgets).
        ("Timeout", (int)TimeBudgets.Database.TotalSeconds),
        ("Command Timeout", (int)TimeBudgets.Database.TotalSeconds),
        // A cancelled or timed-out command asks the server to cancel it and waits this long (ms) before dropping
        // the connection: short, or a frozen server would hold the request past its budget.
        ("Cancellation Timeout", -1),
        ("Keepalive", 30),
        ("Tcp Keepalive", true),
        ("Connection Idle Lifetime", 300),
        ("Connection Lifetime", 3600),
    ];
}
