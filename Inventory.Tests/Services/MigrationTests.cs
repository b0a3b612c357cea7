using Inventory.CatalogService.Data;
using Inventory.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Inventory.Tests.Services;

[Collection(ServicesCollection.Name)]
public sealed class MigrationTests(ServicesFixture fixture)
{
    [Fact]
    public async Task Replicas_migrating_a_fresh_database_at_the_same_time_all_succeed_and_apply_each_migration_once()
    {
        var database = $"migrate_race_{Guid.NewGuid():N}";
        await fixture.Postgres.CreateDatabaseAsync(database);
        var connectionString = fixture.Postgres.ConnectionString(database);

        var replicas = Enumerable.Range(0, 4).Select(async _ =>
        {
            await using var context = new CatalogDbContext(new DbContextOptionsBuilder<CatalogDbContext>()
                .UseNpgsql(connectionString).UseSnakeCaseNamingConvention().Options);
            await context.Database.MigrateAsync();
        });
        await Task.WhenAll(replicas);

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT count(*), count(DISTINCT migration_id) FROM "__EFMigrationsHistory" """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        var expected = new CatalogDbContext(new DbContextOptionsBuilder<CatalogDbContext>().UseNpgsql(connectionString).UseSnakeCaseNamingConvention().Options)
            .Database.GetMigrations().Count();
        Assert.Equal(expected, reader.GetInt64(0));
        Assert.Equal(expected, reader.GetInt64(1));
    }
}
