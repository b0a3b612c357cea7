using System.Net;
using System.Security.Claims;
using Inventory.ServiceDefaults.Security;

namespace Inventory.Drills;

/// <summary>
/// A running Inventory instance on this machine, found from its PostgreSQL data directory: the cluster's
/// postmaster.pid gives the server's port, and the service processes are the ones whose connection strings
/// name that port (so a second instance beside it is never touched). Their environments, which the AppHost
/// wrote, give the services' loopback addresses.
/// </summary>
public sealed class Instance
{
    private readonly TokenMinter _minter;

    private Instance(string dataDirectory, int postgresPort, string password, Uri catalog, Uri procurement, string signingKeyPem)
    {
        DataDirectory = dataDirectory;
        PostgresPort = postgresPort;
        PostgresPassword = password;
        Catalog = catalog;
        Procurement = procurement;
        _minter = new TokenMinter(TokenClaims.UserIssuer, signingKeyPem, TimeProvider.System);
    }

    public string DataDirectory { get; }
    public int PostgresPort { get; }
    public string PostgresPassword { get; }
    public Uri Catalog { get; }
    public Uri Procurement { get; }
    public string ClusterDirectory => Path.Combine(DataDirectory, "pgdata");

    public string AdminConnectionString =>
        $"Host=127.0.0.1;Port={PostgresPort};Username=postgres;Password={PostgresPassword};Database=postgres;Pooling=false;Timeout=5";

    public static Instance Find(string dataDirectory, string signingKeyFile)
    {
        var pidFile = Path.Combine(dataDirectory, "pgdata", "postmaster.pid");
        if (!File.Exists(pidFile))
            throw new DrillException($"no running PostgreSQL in {dataDirectory} (no pgdata/postmaster.pid): start the instance first");
        var port = int.Parse(File.ReadAllLines(pidFile)[3]);
        var password = File.ReadAllText(Path.Combine(dataDirectory, "postgres.password")).Trim();
        var web = Service("web", port);
        var catalog = Loopback(web.Environment, "services__catalog__http__0");
        var procurement = Loopback(web.Environment, "services__procurement__http__0");
        return new Instance(dataDirectory, port, password, catalog, procurement, File.ReadAllText(signingKeyFile));
    }

    /// <summary>The process of a service of this instance (catalog, procurement, web).</summary>
    public ProcessInfo Service(string name) => Service(name, PostgresPort);

    private static ProcessInfo Service(string name, int postgresPort)
    {
        var candidates = ProcessInfo.All().Where(p =>
            p.Environment.GetValueOrDefault("OTEL_SERVICE_NAME") == name &&
            p.Environment.Any(e => e.Key.StartsWith("ConnectionStrings__", StringComparison.Ordinal) && e.Value.Contains($"Port={postgresPort};", StringComparison.Ordinal)))
            .ToList();
        // The orchestrator starts `dotnet run`, which starts the service: the service is the one without a child among them.
        return candidates.FirstOrDefault(p => !candidates.Any(c => c.ParentId == p.Id))
            ?? throw new DrillException($"no '{name}' process of the instance whose PostgreSQL listens on {postgresPort}");
    }

    /// <summary>The postmaster and its children.</summary>
    public IReadOnlyList<ProcessInfo> PostgresProcesses()
    {
        var postmaster = int.Parse(File.ReadAllLines(Path.Combine(ClusterDirectory, "postmaster.pid"))[0]);
        return ProcessInfo.All().Where(p => p.Id == postmaster || p.ParentId == postmaster).ToList();
    }

    private static Uri Loopback(IReadOnlyDictionary<string, string> environment, string key)
    {
        var uri = new Uri(environment.GetValueOrDefault(key) ?? throw new DrillException($"web has no {key}"));
        if (!uri.IsLoopback && !(IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip)))
            throw new DrillException($"{key} is {uri}: drills only target loopback addresses");
        return uri;
    }

    /// <summary>A client of a service calling as a user with <paramref name="role"/>, as Web would.</summary>
    public HttpClient Client(Uri service, string audience, string role = Roles.Manager, TimeSpan? timeout = null)
    {
        var handler = new MintingHandler(() => _minter.Mint(audience,
            [new Claim(TokenClaims.Subject, DrillUser), new Claim(TokenClaims.Email, "drills@example.test"), new Claim(TokenClaims.Role, role)]))
        {
            InnerHandler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromSeconds(30), MaxConnectionsPerServer = 256 },
        };
        return new HttpClient(handler) { BaseAddress = service, Timeout = timeout ?? TimeSpan.FromSeconds(30) };
    }

    /// <summary>Tokens live five minutes; a drill may run longer, so each request gets a fresh one.</summary>
    private sealed class MintingHandler(Func<string> mint) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = new("Bearer", mint());
            return base.SendAsync(request, cancellationToken);
        }
    }

    public HttpClient CatalogClient(TimeSpan? timeout = null) => Client(Catalog, "catalog", timeout: timeout);
    public HttpClient ProcurementClient(TimeSpan? timeout = null) => Client(Procurement, "procurement", timeout: timeout);

    // One user for every drill request: idempotency keys are scoped to the caller.
    private static readonly string DrillUser = Guid.NewGuid().ToString();
}

public sealed class DrillException(string message) : Exception(message);
