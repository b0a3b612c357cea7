namespace Inventory.LocalPostgres;

/// <summary>A PostgreSQL cluster (a data directory made by initdb).</summary>
public static class PostgresCluster
{
    public static bool Exists(string dataDirectory) => File.Exists(Path.Combine(dataDirectory, "PG_VERSION"));

    /// <summary>
    /// Creates a cluster in <paramref name="dataDirectory"/> owned by the server's OS user, with the superuser
    /// <c>postgres</c>: with password authentication when a <paramref name="password"/> is given, else trusting
    /// every local connection (throw-away servers). Returns initdb's output.
    /// </summary>
    public static async Task<string> InitializeAsync(string binDirectory, string dataDirectory, string? password, CancellationToken ct)
    {
        Directory.CreateDirectory(dataDirectory);
        if (password is null)
        {
            await PostgresCommand.GiveToServerUserAsync(ct, dataDirectory);
            return await PostgresCommand.RunProgramAsync(binDirectory, "initdb", [.. Options(dataDirectory), "--auth=trust"], ct);
        }

        // initdb reads the password from a file, never from its command line (where ps would show it).
        var passwordFile = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(dataDirectory))!, ".initdb-password");
        await File.WriteAllTextAsync(passwordFile, password, ct);
        try
        {
            await PostgresCommand.GiveToServerUserAsync(ct, dataDirectory, passwordFile);
            return await PostgresCommand.RunProgramAsync(binDirectory, "initdb",
                [.. Options(dataDirectory), $"--pwfile={passwordFile}", "--auth=scram-sha-256"], ct);
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    /// <summary>
    /// Stops the server running on <paramref name="dataDirectory"/> with a fast shutdown (open transactions are
    /// rolled back, clients disconnected, a checkpoint written) and waits for it, so the next start needs no crash
    /// recovery and keeps its planner statistics. Returns false when no server was running there.
    /// </summary>
    public static async Task<bool> StopFastAsync(string binDirectory, string dataDirectory, CancellationToken ct)
    {
        if (!File.Exists(Path.Combine(dataDirectory, "postmaster.pid")))
            return false;
        await PostgresCommand.RunProgramAsync(binDirectory, "pg_ctl", ["-D", dataDirectory, "-m", "fast", "-w", "-t", "60", "stop"], ct, readOutput: false);
        return true;
    }

    /// <summary>What the cluster's control file says of its last state, e.g. "shut down" or "in production" (pg_controldata).</summary>
    public static async Task<string> StateAsync(string binDirectory, string dataDirectory, CancellationToken ct)
    {
        var output = await PostgresCommand.RunProgramAsync(binDirectory, "pg_controldata", ["-D", dataDirectory], ct);
        var line = output.Split('\n').First(l => l.StartsWith("Database cluster state:", StringComparison.Ordinal));
        return line["Database cluster state:".Length..].Trim();
    }

    private static string[] Options(string dataDirectory) =>
        ["-D", dataDirectory, "-U", PostgresCommand.ServerUser, "--encoding=UTF8", "--locale=C.UTF-8"];
}
