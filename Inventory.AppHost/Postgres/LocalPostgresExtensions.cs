using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Npgsql;

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
        var port = builder.Configuration.GetValue<int?>("Postgres:Port") is > 0 and var configured ? configured : FreeLoopbackPort();

        var serverArgs = new[]
        {
            PostgresBinaries.Program(binDirectory, "postgres"), "-D", clusterDirectory,
            "-h", "127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200",
        };
        var (command, args) = RunAsPostgresUser(serverArgs);

        var server = new LocalPostgresServerResource(name, command, dataRoot, password.Resource);
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
                var logger = e.Services.GetRequiredService<ResourceLoggerService>().GetLogger(resource);
                await LocalPostgresCluster.InitializeIfMissingAsync(binDirectory, clusterDirectory, password.Resource, logger, ct);
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
        await using var connection = new NpgsqlConnection(serverConnectionString + ";Database=postgres;Pooling=false");
        await connection.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", database.DatabaseName);
        if (await exists.ExecuteScalarAsync(ct) is not null)
            return;

        try
        {
            // Identifiers cannot be parameters; the name is one of our own constants.
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.DatabaseName}\"", connection);
            await create.ExecuteNonQueryAsync(ct);
            logger.LogInformation("Created database {Database}", database.DatabaseName);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Created meanwhile: fine.
        }
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
            // The server may run as another OS user (see RunAsPostgresUser); it must reach its directory.
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

    /// <summary>postgres refuses to run as root; as root, exec it as the `postgres` OS user through setpriv.</summary>
    internal static (string Command, string[] Args) RunAsPostgresUser(string[] commandLine)
    {
        if (!Environment.IsPrivilegedProcess || OperatingSystem.IsWindows())
            return (commandLine[0], commandLine[1..]);
        return ("setpriv", ["--reuid=postgres", "--regid=postgres", "--init-groups", "--", .. commandLine]);
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
