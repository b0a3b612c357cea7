using System.Globalization;
using Npgsql;

namespace Inventory.LocalPostgres;

/// <summary>How a <see cref="TemporaryPostgresServer"/> runs.</summary>
public sealed record TemporaryPostgresOptions
{
    /// <summary>
    /// Off for tests: fsync, synchronous commit and full-page writes are off, since nothing outlives the run.
    /// On for benchmarks, which should measure what production pays.
    /// </summary>
    public bool Durable { get; init; }

    public int MaxConnections { get; init; } = 300;

    /// <summary>More server settings (<c>-c name=value</c>), e.g. <c>shared_buffers=256MB</c>.</summary>
    public IReadOnlyList<string> Settings { get; init; } = [];
}

/// <summary>
/// A throw-away PostgreSQL server from the machine's own binaries: a fresh cluster in a temp directory, on a
/// free loopback port, trusting local connections as <c>postgres</c>; stopped and deleted when disposed.
/// </summary>
public sealed class TemporaryPostgresServer : IAsyncDisposable
{
    private readonly string _root;
    private readonly string _binDirectory;
    private readonly TemporaryPostgresOptions _options;

    private TemporaryPostgresServer(string root, string binDirectory, int port, TemporaryPostgresOptions options)
    {
        _root = root;
        _binDirectory = binDirectory;
        _options = options;
        Port = port;
    }

    public int Port { get; }

    private string DataDirectory => Path.Combine(_root, "data");

    private string LogFile => Path.Combine(_root, "server.log");

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username={PostgresCommand.ServerUser};Database={database};Include Error Detail=true";

    public static async Task<TemporaryPostgresServer> StartAsync(TemporaryPostgresOptions? options = null, CancellationToken ct = default)
    {
        var root = Directory.CreateTempSubdirectory("inventory-pg-").FullName;
        var server = new TemporaryPostgresServer(root, PostgresBinaries.FindBinDirectory(), LoopbackPort.Free(), options ?? new());
        try
        {
            // The server's OS user writes its log beside the cluster.
            await PostgresCommand.GiveToServerUserAsync(ct, root);
            await PostgresCluster.InitializeAsync(server._binDirectory, server.DataDirectory, password: null, ct);
            await server.PgCtlAsync(["-w", "-l", server.LogFile, "-o", server.ServerOptions(), "start"], ct);
            return server;
        }
        catch
        {
            Directory.Delete(root, recursive: true);
            throw;
        }
    }

    /// <summary>Creates a database unless it exists.</summary>
    public Task CreateDatabaseAsync(string name, CancellationToken ct = default) =>
        PostgresDatabases.CreateIfMissingAsync(ConnectionString("postgres"), name, ct);

    /// <summary>Restarts the server (fast shutdown): every pooled connection of every client breaks.</summary>
    public Task RestartAsync(CancellationToken ct = default) =>
        PgCtlAsync(["-m", "fast", "-w", "-l", LogFile, "-o", ServerOptions(), "restart"], ct);

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        // Nothing of a non-durable server is worth a clean shutdown.
        await PgCtlAsync(["-m", _options.Durable ? "fast" : "immediate", "-w", "stop"], CancellationToken.None);
        Directory.Delete(_root, recursive: true);
    }

    private Task PgCtlAsync(string[] args, CancellationToken ct) =>
        PostgresCommand.RunProgramAsync(_binDirectory, "pg_ctl", ["-D", DataDirectory, .. args], ct, readOutput: false);

    private string ServerOptions()
    {
        var settings = new List<string> { "unix_socket_directories=", $"max_connections={_options.MaxConnections.ToString(CultureInfo.InvariantCulture)}" };
        if (!_options.Durable)
            settings.AddRange(["fsync=off", "synchronous_commit=off", "full_page_writes=off"]);
        settings.AddRange(_options.Settings);
        return $"-h 127.0.0.1 -p {Port.ToString(CultureInfo.InvariantCulture)} " + string.Join(' ', settings.Select(s => "-c " + s));
    }
}
