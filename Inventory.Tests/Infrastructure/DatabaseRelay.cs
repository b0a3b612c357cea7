using System.Net;
using System.Net.Sockets;
using Inventory.LocalPostgres;
using Npgsql;

namespace Inventory.Tests.Infrastructure;

/// <summary>
/// A TCP relay on loopback in front of the test PostgreSQL server, for fault tests that must not disturb the server
/// every other test shares: <see cref="Freeze"/> stops bytes flowing both ways while connections stay open (a server
/// stopped with SIGSTOP, or a network that blackholes), <see cref="TakeDown"/> drops every connection and refuses new
/// ones (a server that is stopped), and <see cref="Restore"/> ends either.
/// </summary>
public sealed class DatabaseRelay : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _serverPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _open = [];
    private TaskCompletionSource _thawed = Completed();
    private volatile bool _down;

    private DatabaseRelay(int serverPort)
    {
        _serverPort = serverPort;
        _listener.Start();
        _ = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public static DatabaseRelay Start(TemporaryPostgresServer server) => new(server.Port);

    /// <summary><paramref name="connectionString"/> (of the relayed server) pointed at the relay instead.</summary>
    public string Relayed(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString) { Port = Port }.ConnectionString;

    public void Freeze() => _thawed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void TakeDown()
    {
        _down = true;
        lock (_open)
        {
            foreach (var client in _open)
                client.Dispose();
            _open.Clear();
        }
    }

    public void Restore()
    {
        _down = false;
        _thawed.TrySetResult();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            if (_down)
            {
                client.Dispose();
                continue;
            }
            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using var server = new TcpClient();
        try
        {
            await server.ConnectAsync(IPAddress.Loopback, _serverPort, _stop.Token);
            lock (_open)
                _open.AddRange([client, server]);
            await Task.WhenAny(PumpAsync(client, server), PumpAsync(server, client));
        }
        catch (Exception)
        {
            // A dropped connection is what this relay is for.
        }
        finally
        {
            client.Dispose();
            lock (_open)
            {
                _open.Remove(client);
                _open.Remove(server);
            }
        }
    }

    private async Task PumpAsync(TcpClient from, TcpClient to)
    {
        var buffer = new byte[16 * 1024];
        var source = from.GetStream();
        var target = to.GetStream();
        int read;
        while ((read = await source.ReadAsync(buffer, _stop.Token)) > 0)
        {
            await _thawed.Task.WaitAsync(_stop.Token); // frozen: hold the bytes
            await target.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
        }
    }

    private static TaskCompletionSource Completed()
    {
        var done = new TaskCompletionSource();
        done.SetResult();
        return done;
    }

    public async ValueTask DisposeAsync()
    {
        Restore();
        await _stop.CancelAsync();
        _listener.Stop();
        TakeDown();
        _stop.Dispose();
    }
}
