using Inventory.CatalogService.Data;
using Inventory.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace Inventory.CatalogService.Seeding;

/// <summary>
/// Opt-in (<c>Seed:Enabled=true</c>): once migrations are applied, fills an empty catalog with a realistic data
/// set — by default 400 items in 30 categories, 3 warehouses of bins, 6,000 movements over 120 days. Sizes:
/// <c>Seed:Items</c>, <c>Seed:Movements</c>, <c>Seed:Days</c>. A catalog that already has items is left alone.
/// Catalog replicas seed one at a time (<see cref="SessionLock"/>), so the first fills the catalog and the others
/// find it filled, instead of two seeding the same empty catalog.
/// </summary>
public sealed class DevelopmentSeeder(IServiceProvider services, MigrationStatus<CatalogDbContext> migrations,
    IConfiguration configuration, ILogger<DevelopmentSeeder> logger) : BackgroundService
{
    public const string EnabledSetting = "Seed:Enabled";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!migrations.Completed)
            await Task.Delay(250, stoppingToken);
        try
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
            await using var turn = await SessionLock.TakeAsync(db.Database.GetConnectionString()!, "catalog:seed", stoppingToken);
            if (await db.Items.AnyAsync(stoppingToken))
            {
                logger.LogInformation("Seeding skipped: the catalog already has items");
                return;
            }
            var generator = new CatalogDataGenerator(
                configuration.GetValue("Seed:Items", 400), configuration.GetValue("Seed:Movements", 6000), configuration.GetValue("Seed:Days", 120));
            var result = await generator.WriteAsync(db.Database.GetConnectionString()!, stoppingToken);
            logger.LogInformation("Seeded the catalog: {Result}", result);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Seeding the catalog failed");
        }
    }
}
