using System.Security.Cryptography;
using Inventory.LocalPostgres;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace Inventory.AppHost.Postgres;

internal static class LocalPostgresExtensions
{
    private const string PasswordFileName = "postgres.password";
    private const string ClusterDirectoryName = "pgdata";

    /// <summary>
    /// Runs the machine's PostgreSQL server on a persistent data directory (Postgres:DataDirectory,
    /// default .data/postgres at the repository root), creating the cluster on first start.
    /// </summary>
    public static IResourceBuilder<LocalPostgresServerResource> AddLocalPostgres(this IDistributedApplicationBuilder builder, string name)
    {
        var binDirectory = PostgresBinaries.FindBinDirectory(builder.Configuration["Postgres:BinDirectory"]);
        var dataRoot = ResolveDataRoot(builder);
        var clusterDirectory = Path.Combine(dataRoot, ClusterDirectoryName);
        var password = builder.AddParameter($"{name}-password", ReadOrCreatePassword(dataRoot), secret: true);
        var port = builder.Configuration.GetValue<int?>("Postgres:Port") is > 0 and var configured ? configured : LoopbackPort.Free();

        var (command, args) = PostgresCommand.AsServerUser(
            PostgresBinaries.Program(binDirectory, "postgres"), "-D", clusterDirectory,
            "-h", "127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200");

        var server = new LocalPostgresServerResource(name, command, dataRoot, password.Resource);
        builder.Services.AddHostedService(services => new LocalPostgresShutdown(
            binDirectory, clusterDirectory, services.GetRequiredService<ILogger<LocalPostgresShutdown>>()));
        var healthCheckKey = $"{name}-ready";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            healthCheckKey, _ => new PostgresReadyHealthCheck(server), failureStatus: null, tags: null));

        return builder.AddResource(server)
            .WithArgs(args)
            // postgres reads its port from PGPORT; it is fixed for this run so the connection string is too.
            .WithEndpoint(LocalPostgresServerResource.EndpointName, endpoint =>
            {
                endpoint.UriScheme = "tcp";
                endpoint.Port = port;
                endpoint.TargetPort = port;
                endpoint.IsProxied = false;
            })
            .WithEnvironment("PGPORT", port.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithHealthCheck(healthCheckKey)
            .WithIconName("Database")
            .OnBeforeResourceStarted(async (resource, e, ct) =>
            {
                if (PostgresCluster.Exists(clusterDirectory))
                    return;
                var logger = e.Services.GetRequiredService<ResourceLoggerService>().GetLogger(resource);
                logger.LogInformation("Creating a PostgreSQL cluster in {Directory}", clusterDirectory);
                var output = await PostgresCluster.InitializeAsync(binDirectory, clusterDirectory, await password.Resource.GetValueAsync(ct), ct);
                logger.LogInformation("{Output}", output);
            });
    }

    /// <summary>A database on the local server, created when the server is first ready.</summary>
    public static IResourceBuilder<IResourceWithConnectionString> AddLocalDatabase(
        this IResourceBuilder<LocalPostgresServerResource> server, string name)
    {
        var builder = server.ApplicationBuilder;
        var database = new LocalPostgresDatabaseResource(name, server.Resource);
        var healthCheckKey = $"{name}-ready";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            healthCheckKey, _ => new PostgresReadyHealthCheck(database), failureStatus: null, tags: null));

        return builder.AddResource(database)
            .WithParentRelationship(server)
            .WaitFor(server)
            .WithHealthCheck(healthCheckKey)
            .WithIconName("DatabaseStack")
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = "PostgresDatabase",
                State = KnownResourceStates.NotStarted,
                Properties = [new("postgres.database", name)],
            })
            .OnInitializeResource(async (resource, e, ct) =>
            {
                // Publishing BeforeResourceStarted runs the WaitFor(server) gate.
                await e.Eventing.PublishAsync(new BeforeResourceStartedEvent(resource, e.Services), ct);
                await e.Notifications.PublishUpdateAsync(resource, s => s with { State = KnownResourceStates.Starting });
                await CreateDatabaseIfMissingAsync(resource, e.Logger, ct);
                await e.Notifications.PublishUpdateAsync(resource, s => s with
                {
                    State = KnownResourceStates.Running,
                    StartTimeStamp = DateTime.UtcNow,
                });
                await e.Eventing.PublishAsync(new ConnectionStringAvailableEvent(resource, e.Services), ct);
            });
    }

    private static async Task CreateDatabaseIfMissingAsync(LocalPostgresDatabaseResource database, ILogger logger, CancellationToken ct)
    {
        var serverConnectionString = await database.Server.ConnectionStringExpression.GetValueAsync(ct);
        if (await PostgresDatabases.CreateIfMissingAsync(serverConnectionString!, database.DatabaseName, ct))
            logger.LogInformation("Created database {Database}", database.DatabaseName);
    }

    private static string ResolveDataRoot(IDistributedApplicationBuilder builder)
    {
        var configured = builder.Configuration["Postgres:DataDirectory"];
        var dataRoot = Path.GetFullPath(string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(builder.AppHostDirectory, "..", ".data", "postgres")
            : configured);
        Directory.CreateDirectory(dataRoot);
        if (!OperatingSystem.IsWindows())
        {
            // The server may run as another OS user (see PostgresCommand); it must reach its directory.
            File.SetUnixFileMode(dataRoot,
                UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
                UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }
        return dataRoot;
    }

    /// <summary>
    /// The superuser password lives beside the cluster it was set on, so a data directory and its
    /// password always travel together and nothing secret is in the repository or user secrets.
    /// </summary>
    private static string ReadOrCreatePassword(string dataRoot)
    {
        var path = Path.Combine(dataRoot, PasswordFileName);
        if (File.Exists(path))
            return File.ReadAllText(path).Trim();

        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        File.WriteAllText(path, password);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return password;
    }
}
