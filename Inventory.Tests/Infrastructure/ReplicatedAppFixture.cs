using System.Text;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Inventory.ServiceDefaults;
using Inventory.ServiceDefaults.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Inventory.Tests.Infrastructure;

/// <summary>
/// The whole AppHost started with <c>--Replicas:&lt;service&gt;=2</c> for every project, on a fresh data directory, so
/// the replicas also race each other's migrations and the demo seeding at start. The tests tell the replicas apart
/// by the orchestrator's names for them: each replica has its own log (what it served) and its own address.
/// </summary>
public sealed class ReplicatedAppFixture : IAsyncLifetime
{
    public const int Replicas = 2;
    public static readonly string[] Replicated = [ResourceNames.Catalog, ResourceNames.Procurement, ResourceNames.Web, ResourceNames.Gateway];
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(3);
    private readonly Dictionary<string, IReadOnlyList<Replica>> _replicas = [];
    private DirectoryInfo? _dataDirectory;
    private FakeOAuthServer? _oauth;

    public DistributedApplication App { get; private set; } = null!;
    public SigningKeys.KeyPair WebKeys { get; } = SigningKeys.Generate();
    public Uri GatewayUrl => App.GetEndpoint(ResourceNames.Gateway, "http");

    /// <summary>One process of a replicated resource: the orchestrator's name for it and the address it listens on itself.</summary>
    public sealed record Replica(string Id, Uri Address);

    public async Task InitializeAsync()
    {
        _dataDirectory = Directory.CreateTempSubdirectory("inventory-e2e-replicas-");
        _oauth = await FakeOAuthServer.StartAsync();
        App = await AppHostFixture.StartAsync(_dataDirectory.FullName,
        [
            .. AppHostFixture.Arguments(_oauth, WebKeys),
            .. Replicated.Select(resource => $"--Replicas:{resource}={Replicas}"),
            "--Seed:Enabled=true",
        ]);
        using var timeout = new CancellationTokenSource(ReadyTimeout);
        foreach (var resource in Replicated)
            _replicas[resource] = await ReadyReplicasAsync(resource, timeout.Token);
    }

    /// <summary>The replicas of <paramref name="resource"/>, each answering 200 on its own <c>/health</c>.</summary>
    public IReadOnlyList<Replica> ReplicasOf(string resource) => _replicas[resource];

    /// <summary>A client of a backend service (through the orchestrator's proxy, so either replica) calling as a user with <paramref name="role"/>.</summary>
    public HttpClient ServiceClient(string service, string role) => AppHostFixture.ServiceClient(App, WebKeys, service, role);

    public async Task<string> ConnectionStringAsync(string database) => (await App.GetConnectionStringAsync(database))!;

    /// <summary>Everything a replica has written to its console so far.</summary>
    public async Task<string> LogOfAsync(Replica replica)
    {
        var text = new StringBuilder();
        await foreach (var batch in App.Services.GetRequiredService<ResourceLoggerService>().GetAllAsync(replica.Id))
        {
            foreach (var line in batch)
                text.AppendLine(line.Content);
        }
        return text.ToString();
    }

    /// <summary>Each replica of <paramref name="resource"/> with its log so far.</summary>
    public async Task<IReadOnlyList<(Replica Replica, string Log)>> LogsAsync(string resource) =>
        await Task.WhenAll(ReplicasOf(resource).Select(async replica => (replica, await LogOfAsync(replica))));

    private async Task<IReadOnlyList<Replica>> ReadyReplicasAsync(string resource, CancellationToken ct)
    {
        var replicas = await RunningReplicasAsync(resource, ct);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        foreach (var replica in replicas)
        {
            while (!await IsHealthyAsync(http, replica.Address, ct))
                await Task.Delay(250, ct);
        }
        return replicas;
    }

    /// <summary>
    /// Waits until the orchestrator reports <see cref="Replicas"/> running processes of <paramref name="resource"/>; each
    /// listens on the port it was given in ASPNETCORE_URLS (the proxy in front of them has the resource's port).
    /// </summary>
    private async Task<IReadOnlyList<Replica>> RunningReplicasAsync(string resource, CancellationToken ct)
    {
        var running = new Dictionary<string, Replica>();
        await foreach (var e in App.ResourceNotifications.WatchAsync(ct))
        {
            if (e.Resource.Name != resource)
                continue;
            var urls = e.Snapshot.EnvironmentVariables.FirstOrDefault(v => v.Name == "ASPNETCORE_URLS")?.Value;
            var http = urls?.Split(';').FirstOrDefault(u => u.StartsWith("http://", StringComparison.Ordinal));
            if (e.Snapshot.State?.Text == KnownResourceStates.Running && http is not null)
                running[e.ResourceId] = new Replica(e.ResourceId, new Uri(http.Replace("://+:", "://localhost:").Replace("://*:", "://localhost:")));
            else
                running.Remove(e.ResourceId);
            if (running.Count >= Replicas)
                break;
        }
        return running.Values.OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
    }

    private static async Task<bool> IsHealthyAsync(HttpClient http, Uri address, CancellationToken ct)
    {
        try
        {
            using var response = await http.GetAsync(new Uri(address, HealthEndpoints.HealthPath), ct);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    public async Task DisposeAsync()
    {
        if (App is not null)
            await App.DisposeAsync();
        if (_oauth is not null)
            await _oauth.DisposeAsync();
        _dataDirectory?.Delete(recursive: true);
    }
}

// Alone, after the parallel collections: its processes (a Release publish, or an AppHost with two of everything) would
// otherwise starve the other collections' services on a 2-core machine past their 2-3 s time budgets (504s).
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ReplicatedAppCollection : ICollectionFixture<ReplicatedAppFixture>
{
    public const string Name = "replicas";
}
