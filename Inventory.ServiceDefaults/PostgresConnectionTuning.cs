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
        // Statements run more than once on a connection are prepared on the server and stay prepared for the
        // connection's life, so PostgreSQL parses and plans each of the services' few dozen statement shapes once per
        // connection instead of at every execution (the movement write's statements cost the server about twice
        // what pgbench's prepared ones do without it). The least-used ones are replaced when the cache is full.
        ("Max Auto Prepare", 100),
        ("Auto Prepare Min Usages", 2),
        // A connection taken from the pool is not reset (DISCARD ALL: one more round trip, and prepared statements
        // replanned). Safe because no service leaves session state on a pooled connection: nothing issues SET
        // (only SET TRANSACTION, which ends with its transaction), there are no temporary tables, LISTEN or
        // cursors held open, and advisory locks are transaction-scoped (pg_advisory_xact_lock) except
        // SessionLock's, which opens an unpooled connection of its own. Keep it that way, or turn this off.
        ("No Reset On Close", true),
    ];
}
