using Npgsql;

namespace Inventory.Tests.Service.Fuzz;

/// <summary>
/// A digest of every table's content in one database, read in one round trip: a refused write must leave every
/// digest as it was (nothing half-written), which row counts alone would miss for an UPDATE.
/// </summary>
public static class DatabaseFingerprint
{
    private const string Sql = """
        SELECT tablename,
               (xpath('/row/d/text()', query_to_xml(format(
                   'SELECT md5(coalesce(string_agg(t::text, %L ORDER BY t::text), %L)) AS d FROM %I.%I t', '|', '', schemaname, tablename),
                   false, true, '')))[1]::text
        FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename
        """;

    public static async Task<IReadOnlyDictionary<string, string>> ReadAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(Sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var digests = new Dictionary<string, string>();
        while (await reader.ReadAsync())
            digests[reader.GetString(0)] = reader.GetString(1);
        return digests;
    }

    /// <summary>The tables whose content differs between two fingerprints.</summary>
    public static IEnumerable<string> Changed(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        after.Where(t => !before.TryGetValue(t.Key, out var digest) || digest != t.Value).Select(t => t.Key)
            .Concat(before.Keys.Where(t => !after.ContainsKey(t)));
}
