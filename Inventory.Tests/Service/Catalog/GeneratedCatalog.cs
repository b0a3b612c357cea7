using Inventory.CatalogService.Data;
using Inventory.CatalogService.Seeding;
using Inventory.LocalPostgres;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Tests.Service.Catalog;

/// <summary>
/// A catalog database made once per test class by the bulk generator (the plan tests' data: plans depend on the
/// data's size and spread), and contexts on it that can capture the plans of what they send.
/// </summary>
internal sealed class GeneratedCatalog(string namePrefix, int items, int movements)
{
    private readonly SemaphoreSlim _once = new(1, 1);
    private string? _connectionString;

    public async Task<string> ConnectionStringAsync(TemporaryPostgresServer postgres)
    {
        await _once.WaitAsync();
        try
        {
            if (_connectionString is not null)
                return _connectionString;
            var name = $"{namePrefix}_{Guid.NewGuid():N}";
            await postgres.CreateDatabaseAsync(name);
            var connectionString = postgres.ConnectionString(name);
            await using (var db = Context(connectionString, null))
                await db.Database.MigrateAsync();
            await new CatalogDataGenerator(items, movements, days: 30, warehouses: 2).WriteAsync(connectionString);
            return _connectionString = connectionString;
        }
        finally
        {
            _once.Release();
        }
    }

    public static CatalogDbContext Context(string connectionString, QueryPlans.PlanCapture? capture)
    {
        var options = new DbContextOptionsBuilder<CatalogDbContext>().UseNpgsql(connectionString).UseSnakeCaseNamingConvention();
        if (capture is not null)
            options.AddInterceptors(capture);
        return new CatalogDbContext(options.Options);
    }
}
