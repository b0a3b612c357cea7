using Inventory.CatalogService.Data;
using Inventory.ProcurementService.Data;
using Inventory.ServiceDefaults;
using Inventory.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Inventory.Tests.Service.Platform;

/// <summary>Remembered Idempotency-Keys are deleted after the retention (7 days), newer ones kept.</summary>
[Collection(ServicesCollection.Name)]
public sealed class IdempotencyKeyCleanupTests(ServicesFixture fixture)
{
    [Fact]
    public async Task Catalog_keys_older_than_the_retention_are_deleted_and_newer_ones_kept()
    {
        await fixture.ResetAsync(ResourceNames.CatalogDb);
        await ExecuteAsync(ResourceNames.CatalogDb, """
            INSERT INTO idempotency_keys (caller, key, request_hash, status_code, created_at) VALUES
              ('u', 'old', 'h', 201, now() - interval '8 days'),
              ('u', 'new', 'h', 201, now() - interval '6 days')
            """);

        var deleted = await fixture.Catalog.Services.GetRequiredService<IdempotencyKeyCleanup<CatalogDbContext>>().PurgeAsync(CancellationToken.None);

        Assert.Equal(1, deleted);
        Assert.Equal("new", await ScalarAsync(ResourceNames.CatalogDb, "SELECT string_agg(key, ',') FROM idempotency_keys"));
    }

    [Fact]
    public async Task Procurement_receipt_keys_older_than_the_retention_are_deleted_and_newer_ones_kept()
    {
        await fixture.ResetAsync(ResourceNames.ProcurementDb);
        await ExecuteAsync(ResourceNames.ProcurementDb, """
            INSERT INTO receipt_idempotency_keys (caller, key, request_hash, created_at) VALUES
              ('u', 'old', 'h', now() - interval '30 days'),
              ('u', 'new', 'h', now())
            """);

        var deleted = await fixture.Procurement.Services.GetRequiredService<IdempotencyKeyCleanup<ProcurementDbContext>>().PurgeAsync(CancellationToken.None);

        Assert.Equal(1, deleted);
        Assert.Equal("new", await ScalarAsync(ResourceNames.ProcurementDb, "SELECT string_agg(key, ',') FROM receipt_idempotency_keys"));
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
