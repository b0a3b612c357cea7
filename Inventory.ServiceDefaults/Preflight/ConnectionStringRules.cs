using Npgsql;

namespace Inventory.ServiceDefaults.Preflight;

/// <summary>
/// A service's database connection string: present and one Npgsql can read, naming a host and a database. Only with
/// <c>check --connect</c> is the server asked (a short connect timeout), since a pipeline may not reach it.
/// </summary>
public static class ConnectionStringRules
{
    public static PreflightRule For(string database) => new($"ConnectionStrings:{database}", context =>
    {
        var value = context.Value($"ConnectionStrings:{database}");
        if (SettingRules.Absent(value) is { } absent)
            return absent;
        NpgsqlConnectionStringBuilder parsed;
        try
        {
            parsed = new NpgsqlConnectionStringBuilder(value);
        }
        catch (ArgumentException)
        {
            // Not the exception's message: it may quote the string, password and all.
            return "not a valid PostgreSQL connection string (Host=…;Database=…;Username=…;Password=…)";
        }
        if (string.IsNullOrWhiteSpace(parsed.Host) || PreflightContext.IsPlaceholder(parsed.Host))
            return "names no Host";
        if (string.IsNullOrWhiteSpace(parsed.Database) || PreflightContext.IsPlaceholder(parsed.Database))
            return "names no Database";
        if (parsed.Password is { } password && PreflightContext.IsPlaceholder(password))
            return "Password is still the example's placeholder: replace it";
        return context.Connect ? CannotConnect(parsed) : null;
    });

    private static string? CannotConnect(NpgsqlConnectionStringBuilder parsed)
    {
        parsed.Timeout = 5;
        parsed.Pooling = false;
        try
        {
            using var connection = new NpgsqlConnection(parsed.ConnectionString);
            connection.Open();
            return null;
        }
        catch (PostgresException e)
        {
            return $"the server refused the connection: {e.SqlState} {e.MessageText}";
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            return $"cannot connect to {parsed.Host}:{parsed.Port}: {(e.InnerException ?? e).Message}";
        }
    }
}
