using Inventory.CatalogService.Data;
using Inventory.CatalogService.Seeding;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Inventory.Benchmarks;

/// <summary>
/// Migrates the catalog database and, when it is empty, loads it with the bulk generator (binary COPY), then
/// VACUUM ANALYZE. Used by the catalog timings and by the suite (<c>load-data</c>). Returns the counts in the database.
/// </summary>
public static class CatalogLoad
{
    public static async Task<(int Items, int Movements)> EnsureLoadedAsync(string connectionString, int items, int movements)
    {
        await using (var db = new CatalogDbContext(new DbContextOptionsBuilder<CatalogDbContext>().UseNpgsql(connectionString).UseSnakeCaseNamingConvention().Options))
            await db.Database.MigrateAsync();
        var (present, presentMovements) = await CountsAsync(connectionString);
        if (present > 0)
            Console.WriteLine($"Using the data already there: {present:N0} items, {presentMovements:N0} movements (no load)");
        else
        {
            var load = await new CatalogDataGenerator(items, movements).WriteAsync(connectionString);
            Console.WriteLine($"Bulk load: {load.Items:N0} items, {load.Movements:N0} movements, {load.StockLevels:N0} stock levels, " +
                $"{load.Locations} locations, {load.Categories} categories in {load.Elapsed.TotalSeconds:N1} s (binary COPY, then ANALYZE)");
        }
        await using (var vacuum = new NpgsqlConnection(connectionString))
        {
            await vacuum.OpenAsync();
            await using var command = new NpgsqlCommand("VACUUM ANALYZE", vacuum) { CommandTimeout = 0 };
            await command.ExecuteNonQueryAsync();
        }
        return await CountsAsync(connectionString);
    }

    private static async Task<(int, int)> CountsAsync(string connectionString)
    {
        await using var probe = new NpgsqlConnection(connectionString);
        await probe.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT (SELECT count(*) FROM items), (SELECT count(*) FROM movements)", probe);
        await using var reader = await count.ExecuteReaderAsync();
        await reader.ReadAsync();
        return ((int)reader.GetInt64(0), (int)reader.GetInt64(1));
    }
}
