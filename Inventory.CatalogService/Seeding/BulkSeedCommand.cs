using System.Globalization;
using Inventory.CatalogService.Data;
using Inventory.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace Inventory.CatalogService.Seeding;

/// <summary>
/// <c>dotnet run --project Inventory.CatalogService -- seed-bulk --items 100000 --movements 1000000 [--days 365]
/// [--connection "Host=…;Database=catalogdb;…"]</c>: migrates the database, then loads a generated catalog with
/// binary COPY. Without <c>--connection</c> it uses <c>ConnectionStrings__catalogdb</c> from the environment.
/// </summary>
public static class BulkSeedCommand
{
    public const string Name = "seed-bulk";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = Parse(args);
        var connection = options.GetValueOrDefault("connection") ?? Environment.GetEnvironmentVariable($"ConnectionStrings__{ResourceNames.CatalogDb}");
        if (string.IsNullOrWhiteSpace(connection))
        {
            Console.Error.WriteLine($"Give --connection or set ConnectionStrings__{ResourceNames.CatalogDb}.");
            return 2;
        }
        var items = int.Parse(options.GetValueOrDefault("items", "100000"), CultureInfo.InvariantCulture);
        var movements = int.Parse(options.GetValueOrDefault("movements", "1000000"), CultureInfo.InvariantCulture);
        var days = int.Parse(options.GetValueOrDefault("days", "365"), CultureInfo.InvariantCulture);

        await using (var db = new CatalogDbContext(new DbContextOptionsBuilder<CatalogDbContext>()
            .UseNpgsql(connection).UseSnakeCaseNamingConvention().Options))
        {
            await db.Database.MigrateAsync();
        }
        Console.WriteLine($"Loading {items:N0} items and {movements:N0} movements over {days} days …");
        var result = await new CatalogDataGenerator(items, movements, days).WriteAsync(connection);
        Console.WriteLine($"Loaded {result.Categories} categories, {result.Locations} locations, {result.Items:N0} items, " +
            $"{result.StockLevels:N0} stock levels, {result.Movements:N0} movements in {result.Elapsed.TotalSeconds:N1} s.");
        return 0;
    }

    private static Dictionary<string, string> Parse(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
                throw new ArgumentException($"Unexpected argument '{args[i]}'.");
            options[args[i][2..]] = args[i + 1];
        }
        return options;
    }
}
