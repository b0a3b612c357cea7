using Inventory.CatalogService.Data;
using Inventory.LocalPostgres;
using Inventory.ProcurementService.Catalog;
using Inventory.ProcurementService.Data;
using Inventory.ServiceDefaults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Npgsql;

namespace Inventory.Tests.Infrastructure;

/// <summary>
/// One PostgreSQL server for the service tests, with a database and an in-memory host per service.
/// Tests reset the tables they use (<see cref="ResetAsync"/>) instead of relying on order.
/// </summary>
public sealed class ServicesFixture : IAsyncLifetime
{
    public TemporaryPostgresServer Postgres { get; private set; } = null!;
    public ServiceFactory<CatalogDbContext> Catalog { get; private set; } = null!;
    public ServiceFactory<ProcurementDbContext> Procurement { get; private set; } = null!;
    public TestTokens Tokens { get; } = new();

    /// <summary>Switches for procurement's look-ups in the catalog (items, locations: supplier items, order lines, receiving's check).</summary>
    public LinkFaults CatalogLink { get; } = new();

    /// <summary>Switches for the dispatcher's receipt posts to the catalog (and its probe of the catalog's health).</summary>
    public LinkFaults PostingLink { get; } = new();

    /// <summary>Heals both links between procurement and the catalog.</summary>
    public void ResetLinks()
    {
        CatalogLink.Reset();
        PostingLink.Reset();
    }

    public async Task InitializeAsync()
    {
        Postgres = await TemporaryPostgresServer.StartAsync();
        await Postgres.CreateDatabaseAsync(ResourceNames.CatalogDb);
        await Postgres.CreateDatabaseAsync(ResourceNames.ProcurementDb);
        Catalog = new(ResourceNames.Catalog, ResourceNames.CatalogDb, Postgres.ConnectionString(ResourceNames.CatalogDb), Tokens);
        // Procurement reaches the in-memory catalog through a link the tests can cut (outage tests).
        Procurement = new(ResourceNames.Procurement, ResourceNames.ProcurementDb, Postgres.ConnectionString(ResourceNames.ProcurementDb), Tokens,
            services => services
                .ConfigureAll<HttpStandardResilienceOptions>(o => o.CircuitBreaker.ManualControl = CatalogLink.Breaker)
                .Configure<Inventory.ProcurementService.Receiving.ReceivingOptions>(o =>
                {
                    // Quick retries, so outage tests see recovery within seconds.
                    o.PollInterval = TimeSpan.FromMilliseconds(200);
                    o.InitialRetryDelay = TimeSpan.FromMilliseconds(200);
                    o.MaxRetryDelay = TimeSpan.FromSeconds(1);
                })
                .AddHttpClient<CatalogLookupClient>()
                .ConfigureHttpClient(client => client.BaseAddress = new Uri("http://catalog/"))
                .ConfigurePrimaryHttpMessageHandler(() => new FaultyLink(Catalog.Server.CreateHandler(), CatalogLink))
                .Services.AddHttpClient<CatalogReceiptsClient>()
                .ConfigureHttpClient(client => client.BaseAddress = new Uri("http://catalog/"))
                .ConfigurePrimaryHttpMessageHandler(() => new FaultyLink(Catalog.Server.CreateHandler(), PostingLink)));
        // Migrations run in the background at start; tests begin once both services report ready.
        await Task.WhenAll(WaitUntilHealthyAsync(Catalog.CreateClient()), WaitUntilHealthyAsync(Procurement.CreateClient()));
    }

    private static async Task WaitUntilHealthyAsync(HttpClient client)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!(await client.GetAsync(HealthEndpoints.HealthPath, timeout.Token)).IsSuccessStatusCode)
            await Task.Delay(100, timeout.Token);
    }

    /// <summary>Creates a database on the test server unless it exists (for hosts that migrate it themselves).</summary>
    public async Task EnsureDatabaseAsync(string name)
    {
        await _databaseLock.WaitAsync();
        try
        {
            if (_databases.Add(name))
                await Postgres.CreateDatabaseAsync(name);
        }
        finally
        {
            _databaseLock.Release();
        }
    }

    private readonly SemaphoreSlim _databaseLock = new(1, 1);
    private readonly HashSet<string> _databases = [];

    /// <summary>Empties every table of a database except the migrations history.</summary>
    public async Task ResetAsync(string database)
    {
        await using var connection = new NpgsqlConnection(Postgres.ConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            DO $$
            DECLARE tables text;
            BEGIN
              SELECT string_agg(format('%I.%I', schemaname, tablename), ', ') INTO tables
              FROM pg_tables WHERE schemaname = 'public' AND tablename <> '__EFMigrationsHistory';
              IF tables IS NOT NULL THEN EXECUTE 'TRUNCATE ' || tables || ' RESTART IDENTITY CASCADE'; END IF;
            END $$;
            """, connection);
        // Background work of a host (procurement's dispatcher) may hold row locks that deadlock with TRUNCATE;
        // PostgreSQL then cancels one side, and trying again succeeds.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await command.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DeadlockDetected && attempt < 5)
            {
                await Task.Delay(50 * attempt);
            }
        }
    }

    public async Task DisposeAsync()
    {
        await Catalog.DisposeAsync();
        await Procurement.DisposeAsync();
        await Postgres.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ServicesCollection : ICollectionFixture<ServicesFixture>
{
    public const string Name = "services";
}

/// <summary>
/// The platform tests (health, migrations, backups, a server restart, sign-in configuration) on a server and
/// hosts of their own, so they run beside the service tests instead of after them.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<ServicesFixture>
{
    public const string Name = "platform";
}
