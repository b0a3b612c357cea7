using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Inventory.Tests.Infrastructure;

/// <summary>
/// A throw-away PostgreSQL server from the machine's own binaries: a fresh cluster in a temp directory,
/// on a free loopback port, stopped and deleted when the tests finish. Durability is switched off
/// because nothing here outlives the test run.
/// </summary>
public sealed class TestPostgresServer : IAsyncDisposable
{
    private readonly string _root;
    private readonly string _binDirectory;
    private readonly string _dataDirectory;

    private TestPostgresServer(string root, string binDirectory, int port)
    {
        _root = root;
        _binDirectory = binDirectory;
        _dataDirectory = Path.Combine(root, "data");
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Include Error Detail=true";

    public static async Task<TestPostgresServer> StartAsync()
    {
        var root = Directory.CreateTempSubdirectory("inventory-tests-pg-").FullName;
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(root, (UnixFileMode)0b111_101_101); // the server may run as another OS user
        var server = new TestPostgresServer(root, FindBinDirectory(), FreePort());
        await server.RunAsync("initdb", "-D", server._dataDirectory, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8");
        await server.RunAsync("pg_ctl", "-D", server._dataDirectory, "-w", "-l", Path.Combine(root, "server.log"), "-o",
            ServerOptions(server.Port), "start");
        return server;
    }

    /// <summary>Restarts the server (fast shutdown): every pooled connection of every client breaks.</summary>
    public Task RestartAsync() =>
        RunAsync("pg_ctl", "-D", _dataDirectory, "-m", "fast", "-w", "-l", Path.Combine(_root, "server.log"), "-o", ServerOptions(Port), "restart");

    private static string ServerOptions(int port) =>
        $"-h 127.0.0.1 -p {port} -c unix_socket_directories= -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300";

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
        await RunAsync("pg_ctl", "-D", _dataDirectory, "-m", "immediate", "-w", "stop");
        Directory.Delete(_root, recursive: true);
    }

    private async Task RunAsync(string program, params string[] args)
    {
        // postgres refuses to run as root: then run its programs as the postgres OS user.
        var asRoot = Environment.IsPrivilegedProcess;
        var start = new ProcessStartInfo(asRoot ? "setpriv" : Path.Combine(_binDirectory, program))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (asRoot)
        {
            if (program == "initdb")
                await RunPlainAsync("chown", "-R", "postgres:postgres", _root);
            foreach (var arg in new[] { "--reuid=postgres", "--regid=postgres", "--init-groups", "--", Path.Combine(_binDirectory, program) })
                start.ArgumentList.Add(arg);
        }
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        await WaitAsync(start);
    }

    private static Task RunPlainAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        return WaitAsync(start);
    }

    private static async Task WaitAsync(ProcessStartInfo start)
    {
        using var process = Process.Start(start)!;
        // pg_ctl start leaves the server holding stdout open; read to the end only for programs that exit.
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{start.FileName} {string.Join(' ', start.ArgumentList)} failed: {await stderr}");
    }

    private static string FindBinDirectory() =>
        Directory.GetDirectories("/usr/lib/postgresql")
            .OrderByDescending(dir => int.TryParse(Path.GetFileName(dir), out var version) ? version : 0)
            .Select(dir => Path.Combine(dir, "bin"))
            .First(dir => File.Exists(Path.Combine(dir, "initdb")));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
