using System.Diagnostics;
using System.Net.Http.Json;
using Inventory.ServiceDefaults;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;
using Npgsql;

namespace Inventory.Tests.Service.Platform;

/// <summary>The backup and restore scripts operators are told to use (docs/operations.md) round-trip the data.</summary>
[Collection(PlatformCollection.Name)]
public sealed class BackupTests(ServicesFixture fixture) : IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ResetAsync(ResourceNames.CatalogDb);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_backup_restored_into_an_empty_database_has_the_same_items_and_ledger()
    {
        var catalog = fixture.Catalog.CreateClientAs(Roles.Manager);
        (await catalog.PostAsJsonAsync("/api/items", new { sku = "BACKED-UP-1", name = "Kept in the backup", unit = "each" })).EnsureSuccessStatusCode();
        var output = Directory.CreateTempSubdirectory("inventory-backup-");
        var restored = $"restored_{Guid.NewGuid():N}";
        try
        {
            var dump = (await RunAsync("backup.sh", output.FullName)).Trim();
            await fixture.Postgres.CreateDatabaseAsync(restored);
            await RunAsync("restore.sh", dump, restored);

            Assert.Equal(await CountsAsync(ResourceNames.CatalogDb), await CountsAsync(restored));
            Assert.Equal("Kept in the backup", await ScalarAsync(restored, "SELECT name FROM items WHERE sku = 'BACKED-UP-1'"));
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    private async Task<string> CountsAsync(string database) =>
        $"{await ScalarAsync(database, "SELECT count(*) FROM items")}/{await ScalarAsync(database, "SELECT count(*) FROM movements")}" +
        $"/{await ScalarAsync(database, "SELECT count(*) FROM \"__EFMigrationsHistory\"")}";

    private async Task<string?> ScalarAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(fixture.Postgres.ConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (await command.ExecuteScalarAsync())?.ToString();
    }

    private async Task<string> RunAsync(string script, params string[] args)
    {
        var path = Path.Combine(Repository.Root(), "eng", script);
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(path);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["PGHOST"] = "127.0.0.1";
        start.Environment["PGPORT"] = fixture.Postgres.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = "postgres";
        start.Environment["INVENTORY_DATABASES"] = ResourceNames.CatalogDb;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{script} failed: {await stderr}");
        return await stdout;
    }
}
