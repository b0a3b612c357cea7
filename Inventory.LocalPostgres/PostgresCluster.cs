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

    private static string[] Options(string dataDirectory) =>
        ["-D", dataDirectory, "-U", PostgresCommand.ServerUser, "--encoding=UTF8", "--locale=C.UTF-8"];
}
