using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Inventory.Benchmarks;

/// <summary>A throw-away PostgreSQL cluster from the machine's binaries, on a free loopback port (as the tests use).</summary>
internal sealed class LocalPostgres : IAsyncDisposable
{
    private readonly string _root;
    private readonly string _bin;
    private readonly string _data;

    private LocalPostgres(string root, string bin, int port)
    {
        _root = root;
        _bin = bin;
        _data = Path.Combine(root, "data");
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString(string database) => $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database}";

    public static async Task<LocalPostgres> StartAsync()
    {
        var root = Directory.CreateTempSubdirectory("inventory-bench-pg-").FullName;
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(root, (UnixFileMode)0b111_101_101);
        var bin = Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
            .Select(d => Path.Combine(d, "bin")).First(d => File.Exists(Path.Combine(d, "initdb")));
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var server = new LocalPostgres(root, bin, port);
        await server.RunAsync("initdb", "-D", server._data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8");
        // Durable settings as in production (fsync on), a modest shared_buffers for a 2-core box.
        await server.RunAsync("pg_ctl", "-D", server._data, "-w", "-l", Path.Combine(root, "server.log"), "-o",
            $"-h 127.0.0.1 -p {port} -c unix_socket_directories= -c shared_buffers=256MB -c max_connections=200", "start");
        return server;
    }

    public async Task CreateDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await RunAsync("pg_ctl", "-D", _data, "-m", "fast", "-w", "stop");
        Directory.Delete(_root, recursive: true);
    }

    private async Task RunAsync(string program, params string[] args)
    {
        var asRoot = Environment.IsPrivilegedProcess;
        var start = new ProcessStartInfo(asRoot ? "setpriv" : Path.Combine(_bin, program)) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (asRoot)
        {
            if (program == "initdb")
            {
                using var chown = Process.Start("chown", ["-R", "postgres:postgres", _root]);
                await chown.WaitForExitAsync();
            }
            foreach (var arg in new[] { "--reuid=postgres", "--regid=postgres", "--init-groups", "--", Path.Combine(_bin, program) })
                start.ArgumentList.Add(arg);
        }
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} failed: {await stderr}");
    }
}
