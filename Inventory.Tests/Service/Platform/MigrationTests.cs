using Inventory.CatalogService.Data;
using Inventory.ProcurementService.Data;
using Inventory.ServiceDefaults;
using Inventory.Tests.Infrastructure;
using Inventory.Web.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Inventory.Tests.Service.Platform;

/// <summary>Replicas starting together on a fresh database: every migration applied exactly once, none failing.</summary>
[Collection(PlatformCollection.Name)]
public sealed class MigrationTests(ServicesFixture fixture)
{
    [Fact]
    public Task Catalog_replicas_migrating_at_once_apply_each_migration_once() =>
        RaceAsync(options => new CatalogDbContext(new DbContextOptionsBuilder<CatalogDbContext>().UseNpgsql(options).UseSnakeCaseNamingConvention().Options));

    [Fact]
    public Task Procurement_replicas_migrating_at_once_apply_each_migration_once() =>
        RaceAsync(options => new ProcurementDbContext(new DbContextOptionsBuilder<ProcurementDbContext>().UseNpgsql(options).UseSnakeCaseNamingConvention().Options));

    [Fact]
    public Task Web_replicas_migrating_at_once_apply_each_migration_once() =>
        RaceAsync(options => new WebDbContext(new DbContextOptionsBuilder<WebDbContext>().UseNpgsql(options).UseSnakeCaseNamingConvention().Options));

    private async Task RaceAsync<TContext>(Func<string, TContext> create) where TContext : DbContext
    {
        var database = $"migrate_race_{Guid.NewGuid():N}";
        await fixture.Postgres.CreateDatabaseAsync(database);
        var connectionString = fixture.Postgres.ConnectionString(database);

        // What each service's DatabaseMigrator does at start, four times at once.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            await using var context = create(connectionString);
            await DatabaseMigrator<TContext>.MigrateWithLockAsync(context, CancellationToken.None);
        }));

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT count(*), count(DISTINCT migration_id) FROM "__EFMigrationsHistory" """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        await using var probe = create(connectionString);
        var expected = probe.Database.GetMigrations().Count();
        Assert.True(expected >= 1);
        Assert.Equal(expected, reader.GetInt64(0));
        Assert.Equal(expected, reader.GetInt64(1));
    }
}
