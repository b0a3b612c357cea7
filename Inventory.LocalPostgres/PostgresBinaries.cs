using System.Diagnostics;

namespace Inventory.LocalPostgres;

/// <summary>Finds the directory holding the PostgreSQL server programs (postgres, initdb).</summary>
public static class PostgresBinaries
{
    /// <summary>The environment variable naming the directory for processes without configuration (tests, benchmarks).</summary>
    public const string BinDirectoryVariable = "Postgres__BinDirectory";

    /// <summary>
    /// The configured directory if given, else the newest of Debian's /usr/lib/postgresql/&lt;version&gt;/bin,
    /// else pg_config's, else the first on PATH.
    /// </summary>
    public static string FindBinDirectory(string? configured = null)
    {
        configured ??= Environment.GetEnvironmentVariable(BinDirectoryVariable);
        if (!string.IsNullOrWhiteSpace(configured))
            return HasServer(configured)
                ? configured
                : throw new InvalidOperationException($"Postgres:BinDirectory '{configured}' has no postgres and initdb programs.");

        // Debian and Ubuntu install server binaries outside PATH, one directory per major version.
        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            var newest = Directory.GetDirectories(debianRoot)
                .Select(dir => (Dir: Path.Combine(dir, "bin"), Version: int.TryParse(Path.GetFileName(dir), out var v) ? v : 0))
                .Where(candidate => HasServer(candidate.Dir))
                .OrderByDescending(candidate => candidate.Version)
                .Select(candidate => candidate.Dir)
                .FirstOrDefault();
            if (newest is not null)
                return newest;
        }

        var fromPgConfig = RunPgConfigBinDir();
        if (fromPgConfig is not null && HasServer(fromPgConfig))
            return fromPgConfig;

        var fromPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(HasServer);
        return fromPath ?? throw new InvalidOperationException(
            "No PostgreSQL server binaries found. Install PostgreSQL (e.g. apt-get install postgresql), " +
            "set Postgres:BinDirectory, or choose Postgres:Mode=container or external. See docs/configuration.md.");
    }

    public static string Program(string binDirectory, string name) =>
        Path.Combine(binDirectory, OperatingSystem.IsWindows() ? name + ".exe" : name);

    private static bool HasServer(string dir) =>
        File.Exists(Program(dir, "postgres")) && File.Exists(Program(dir, "initdb"));

    private static string? RunPgConfigBinDir()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pg_config", "--bindir") { RedirectStandardOutput = true });
            if (process is null)
                return null;
            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 && output.Length > 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
