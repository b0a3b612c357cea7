using Inventory.ProcurementService.Data;
using Inventory.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace Inventory.Tests.Service.Procurement;

/// <summary>
/// Migrations that reshape stored data convert the rows already there: a scratch database is migrated to the
/// migration before, given rows of the old shape, then migrated to the latest.
/// </summary>
[Collection(ServicesCollection.Name)]
public sealed class MigrationConversionTests(ServicesFixture fixture)
{
    private const string BeforeKit = "20261129103702_ReceiptIdempotencyKeys";

    [Fact]
    public async Task Old_audit_snapshots_become_field_changes_with_present_tense_actions()
    {
        var supplier = Guid.NewGuid();
        var item = Guid.NewGuid();
        var order = Guid.NewGuid();
        await using var db = await MigrateThroughAsync(BeforeKit, $$"""
            INSERT INTO audit_entries (entity_type, entity_id, action, changed_by, changed_at, before, after) VALUES
              ('supplier', '{{supplier}}', 'created', 'manager-1', '2026-11-30T10:00:00Z', NULL, '{"name":"Acme","notes":null,"leadTimeDays":0}'),
              ('supplier', '{{supplier}}', 'updated', 'manager-2', '2026-11-30T11:00:00Z',
               '{"name":"Acme","notes":null,"leadTimeDays":0}', '{"name":"Acme Ltd","notes":null,"leadTimeDays":0}'),
              ('supplier', '{{supplier}}', 'archived', 'manager-1', '2026-11-30T12:00:00Z', '{"isArchived":false}', '{"isArchived":true}'),
              ('supplier-item', '{{item}}', 'updated', 'manager-1', '2026-11-30T13:00:00Z',
               '{"id":"{{item}}","unitPrice":1.50,"version":812}', '{"id":"{{item}}","unitPrice":1.5,"version":815}'),
              ('supplier-item', '{{item}}', 'deleted', 'manager-1', '2026-11-30T14:00:00Z', '{"unitPrice":2}', NULL),
              ('purchase-order', '{{order}}', 'status:Submitted', 'manager-1', '2026-11-30T15:00:00Z',
               '{"status":"Draft","notes":"rush"}', '{"status":"Submitted","notes":"rush"}')
            """);

        var entries = (await db.AuditEntries.OrderBy(e => e.Id).ToListAsync()).Select(AuditEntryDto.From).ToList();

        Assert.Equal(["create", "update", "archive", "update", "delete", "submit"], entries.Select(e => e.Action));
        var created = entries[0];
        Assert.Equal(("manager-1", DateTimeOffset.Parse("2026-11-30T10:00:00Z")), (created.UserId, created.OccurredAt));
        Assert.Equal(["leadTimeDays", "name", "notes"], created.Changes.Keys.Order());
        Assert.All(created.Changes.Values, c => Assert.Equal(System.Text.Json.JsonValueKind.Null, c.Before.ValueKind));
        Assert.Equal("Acme", created.Changes["name"].After.GetString());
        var renamed = entries[1];
        Assert.Equal("manager-2", renamed.UserId);
        Assert.Equal(["name"], renamed.Changes.Keys);
        Assert.Equal(("Acme", "Acme Ltd"), (renamed.Changes["name"].Before.GetString(), renamed.Changes["name"].After.GetString()));
        Assert.True(entries[2].Changes["isArchived"].After.GetBoolean());
        Assert.Empty(entries[3].Changes); // 1.50 is 1.5, and the xmin "version" was never data
        Assert.Equal(System.Text.Json.JsonValueKind.Null, entries[4].Changes["unitPrice"].After.ValueKind);
        Assert.Equal(["status"], entries[5].Changes.Keys);
    }

    [Fact]
    public async Task Rows_from_before_integer_versions_start_at_version_1()
    {
        var id = Guid.NewGuid();
        await using var db = await MigrateThroughAsync(BeforeKit, $"""
            INSERT INTO suppliers (id, name, lead_time_days, currency, is_archived, created_at, updated_at)
            VALUES ('{id}', 'Acme', 0, 'USD', false, now(), now())
            """);

        Assert.Equal(1, (await db.Suppliers.SingleAsync(s => s.Id == id)).Version);
    }

    /// <summary>A fresh database migrated to <paramref name="migration"/>, given <paramref name="oldRows"/>, then to the latest.</summary>
    private async Task<ProcurementDbContext> MigrateThroughAsync(string migration, string oldRows)
    {
        var database = $"convert_{Guid.NewGuid():N}";
        await fixture.Postgres.CreateDatabaseAsync(database);
        var connectionString = fixture.Postgres.ConnectionString(database);
        var db = new ProcurementDbContext(new DbContextOptionsBuilder<ProcurementDbContext>()
            .UseNpgsql(connectionString).UseSnakeCaseNamingConvention().Options);
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(migration);
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(oldRows, connection);
            await command.ExecuteNonQueryAsync();
        }
        await migrator.MigrateAsync();
        return db;
    }
}
