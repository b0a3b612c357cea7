using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inventory.CatalogService.Data;
using Inventory.ProcurementService.Data;
using Inventory.ServiceDefaults;
using Inventory.Tests.Infrastructure;
using Inventory.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Inventory.Tests.Service.Platform;

/// <summary>
/// Migrations as a pipeline step: <c>dotnet &lt;service&gt;.dll migrate</c> on the built binaries, and a service told
/// not to migrate at start (<c>Database:MigrateAtStart=false</c>) that refuses readiness on a schema that is behind.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class MigrateCommandTests(ServicesFixture fixture)
{
    public static TheoryData<string, string> Services => new()
    {
        { "Inventory.CatalogService", ResourceNames.CatalogDb },
        { "Inventory.ProcurementService", ResourceNames.ProcurementDb },
        { "Inventory.Web", ResourceNames.WebDb },
    };

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Migrate_applies_every_migration_to_a_fresh_database_and_a_second_run_applies_nothing(string project, string connectionName)
    {
        var connectionString = await ScratchDatabaseAsync();
        var settings = Settings(connectionName, connectionString);
        var expected = CommittedMigrations(connectionName, connectionString);

        var first = await ServiceCommandRun.RunAsync(project, settings, "migrate");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains($"applied {expected.Count} migration(s)", first.Output);
        Assert.Contains(expected[^1], first.Output);
        Assert.Equal(expected, await HistoryAsync(connectionString));

        var second = await ServiceCommandRun.RunAsync(project, settings, "migrate");

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("nothing to apply", second.Output);
        Assert.Equal(expected, await HistoryAsync(connectionString));
    }

    [Fact]
    public async Task Migrate_exits_non_zero_with_a_message_when_the_database_is_unreachable()
    {
        // Nothing listens on port 1 of loopback.
        var result = await ServiceCommandRun.RunAsync("Inventory.CatalogService",
            Settings(ResourceNames.CatalogDb, "Host=127.0.0.1;Port=1;Username=x;Password=secret-word;Database=x;Timeout=2"), "migrate");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("Migrating CatalogDbContext failed: the database is unreachable", result.Error);
        Assert.DoesNotContain("secret-word", result.Error + result.Output);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public async Task Migrate_exits_non_zero_naming_the_servers_error_when_a_migration_fails()
    {
        var connectionString = await ScratchDatabaseAsync();
        // A table the first migration creates is already there: its CREATE TABLE fails (42P07).
        await ExecuteAsync(connectionString, "CREATE TABLE suppliers (id int)");

        var result = await ServiceCommandRun.RunAsync("Inventory.ProcurementService",
            Settings(ResourceNames.ProcurementDb, connectionString), "migrate");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("Migrating ProcurementDbContext failed: the database refused a statement: 42P07", result.Error);
        Assert.Empty(await HistoryAsync(connectionString));
    }

    [Fact]
    public async Task An_unknown_command_or_stray_arguments_exit_2_without_starting_the_service()
    {
        var settings = Settings(ResourceNames.CatalogDb, "Host=127.0.0.1;Port=1;Username=x;Database=x;Timeout=2");

        var unknown = await ServiceCommandRun.RunAsync("Inventory.CatalogService", settings, "migrat");
        var stray = await ServiceCommandRun.RunAsync("Inventory.CatalogService", settings, "migrate", "now");

        Assert.True(unknown.ExitCode == 2, unknown.ToString());
        Assert.Contains("Unknown command 'migrat'", unknown.Error);
        Assert.True(stray.ExitCode == 2, stray.ToString());
        Assert.Contains("migrate takes no arguments", stray.Error);
    }

    [Fact]
    public async Task Not_migrating_at_start_a_service_on_an_unmigrated_database_is_not_ready_applies_nothing_and_is_ready_once_migrated()
    {
        var connectionString = await ScratchDatabaseAsync();
        var logs = new CapturingLoggerProvider();
        await using var service = new ServiceFactory<CatalogDbContext>(ResourceNames.Catalog, ResourceNames.CatalogDb, connectionString, fixture.Tokens);
        await using var notMigrating = service.WithWebHostBuilder(b => b
            .UseSetting(DatabaseMigratorExtensions.MigrateAtStartSetting, "false")
            .ConfigureLogging(logging => logging.AddProvider(logs)));
        var client = notMigrating.CreateClient();

        // The migrator has looked at the schema (and decided not to touch it) once it has said so.
        await WaitForAsync(() => logs.Entries.Any(e => e.Message.Contains("pending migration(s) and Database:MigrateAtStart is false", StringComparison.Ordinal)));
        var notReady = await client.GetAsync(HealthEndpoints.HealthPath);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
        var checks = (await notReady.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("checks").EnumerateArray();
        Assert.Contains(checks, c => c.GetProperty("name").GetString() == DatabaseMigratorExtensions.HealthCheckName && c.GetProperty("status").GetString() == "Unhealthy");
        Assert.Empty(await HistoryAsync(connectionString));
        var latest = CommittedMigrations(ResourceNames.CatalogDb, connectionString)[^1];
        Assert.Contains(logs.Entries, e => e.Message.Contains(latest, StringComparison.Ordinal));

        var migrate = await ServiceCommandRun.RunAsync("Inventory.CatalogService", Settings(ResourceNames.CatalogDb, connectionString), "migrate");
        Assert.True(migrate.ExitCode == 0, migrate.ToString());

        // The service looks again on its own: no restart is needed once the pipeline has migrated.
        await WaitForAsync(async () => (await client.GetAsync(HealthEndpoints.HealthPath)).IsSuccessStatusCode);
    }

    private static Dictionary<string, string> Settings(string connectionName, string connectionString) => new()
    {
        [$"ConnectionStrings:{connectionName}"] = connectionString,
        // Web in Production refuses to build without a sign-in provider; the command never talks to it.
        ["Auth:Google:ClientId"] = "client-id",
        ["Auth:Google:ClientSecret"] = "client-secret",
    };

    private async Task<string> ScratchDatabaseAsync()
    {
        var database = $"migrate_command_{Guid.NewGuid():N}";
        await fixture.Postgres.CreateDatabaseAsync(database);
        return fixture.Postgres.ConnectionString(database);
    }

    private static List<string> CommittedMigrations(string connectionName, string connectionString)
    {
        DbContext context = connectionName switch
        {
            ResourceNames.CatalogDb => new CatalogDbContext(Options<CatalogDbContext>(connectionString)),
            ResourceNames.ProcurementDb => new ProcurementDbContext(Options<ProcurementDbContext>(connectionString)),
            _ => new WebDbContext(Options<WebDbContext>(connectionString)),
        };
        using (context)
            return context.Database.GetMigrations().ToList();
    }

    private static DbContextOptions<T> Options<T>(string connectionString) where T : DbContext =>
        new DbContextOptionsBuilder<T>().UseNpgsql(connectionString).UseSnakeCaseNamingConvention().Options;

    /// <summary>The applied migrations in order; none when the history table does not exist.</summary>
    private static async Task<List<string>> HistoryAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var exists = new NpgsqlCommand("""SELECT to_regclass('"__EFMigrationsHistory"') IS NOT NULL""", connection);
        if (!(bool)(await exists.ExecuteScalarAsync())!)
            return [];
        var history = new List<string>();
        await using var command = new NpgsqlCommand("""SELECT migration_id FROM "__EFMigrationsHistory" ORDER BY migration_id""", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            history.Add(reader.GetString(0));
        return history;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static Task WaitForAsync(Func<bool> condition) => WaitForAsync(() => Task.FromResult(condition()));

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!await condition())
            await Task.Delay(100, timeout.Token);
    }
}
