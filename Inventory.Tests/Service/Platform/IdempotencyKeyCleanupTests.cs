using Inventory.CatalogService.Data;
using Inventory.ProcurementService.Data;
using Inventory.ServiceDefaults;
using Inventory.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Inventory.Tests.Service.Platform;

/// <summary>Remembered Idempotency-Keys are deleted after the retention (7 days), newer ones kept.</summary>
[Collection(ServicesCollection.Name)]
public sealed class IdempotencyKeyCleanupTests(ServicesFixture fixture)
{
    [Fact]
    public Task Catalog_keys_older_than_the_retention_are_deleted_and_newer_ones_kept() =>
        PurgesOnlyOldKeysAsync(ResourceNames.CatalogDb, fixture.Catalog.Services.GetRequiredService<IdempotencyKeyCleanup<CatalogDbContext>>());

    [Fact]
    public Task Procurement_keys_older_than_the_retention_are_deleted_and_newer_ones_kept() =>
        PurgesOnlyOldKeysAsync(ResourceNames.ProcurementDb, fixture.Procurement.Services.GetRequiredService<IdempotencyKeyCleanup<ProcurementDbContext>>());

    [Fact]
    public async Task Two_replicas_cleaning_up_at_once_both_succeed_and_leave_only_the_newer_keys()
    {
        await fixture.ResetAsync(ResourceNames.CatalogDb);
        await ExecuteAsync(ResourceNames.CatalogDb, """
            INSERT INTO idempotency_keys (caller, key, request_hash, status_code, created_at)
            SELECT 'u', 'old-' || n, 'h', 201, now() - interval '8 days' FROM generate_series(1, 500) n
            UNION ALL SELECT 'u', 'new', 'h', 201, now() - interval '6 days'
            """);
        var services = fixture.Catalog.Services;
        // Each catalog replica runs its own job over its own connections: here, the host's and a second like it.
        var replicas = new[]
        {
            services.GetRequiredService<IdempotencyKeyCleanup<CatalogDbContext>>(),
            new IdempotencyKeyCleanup<CatalogDbContext>(services.GetRequiredService<IServiceScopeFactory>(),
                services.GetRequiredService<MigrationStatus<CatalogDbContext>>(), TimeProvider.System,
                NullLogger<IdempotencyKeyCleanup<CatalogDbContext>>.Instance, TimeSpan.FromDays(7)),
        };

        var deleted = await Task.WhenAll(replicas.Select(r => r.PurgeAsync(CancellationToken.None)));

        // A row is deleted by one of them (the other skips it once the first commits); neither fails or deadlocks.
        Assert.InRange(deleted.Sum(), 0, 500);
        Assert.Equal("new", await ScalarAsync(ResourceNames.CatalogDb, "SELECT string_agg(key, ',') FROM idempotency_keys"));
    }

    private async Task PurgesOnlyOldKeysAsync<TContext>(string database, IdempotencyKeyCleanup<TContext> cleanup) where TContext : DbContext
    {
        await fixture.ResetAsync(database);
        await ExecuteAsync(database, """
            INSERT INTO idempotency_keys (caller, key, request_hash, status_code, created_at) VALUES
              ('u', 'old', 'h', 201, now() - interval '8 days'),
              ('u', 'new', 'h', 201, now() - interval '6 days')
            """);

        var deleted = await cleanup.PurgeAsync(CancellationToken.None);

        // The host's own hourly run starts with the host and may have purged the old key a moment earlier.
        Assert.InRange(deleted, 0, 1);
        Assert.Equal("new", await ScalarAsync(database, "SELECT string_agg(key, ',') FROM idempotency_keys"));
    }

    private async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(fixture.Postgres.ConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<string?> ScalarAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(fixture.Postgres.ConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (await command.ExecuteScalarAsync())?.ToString();
    }
}
