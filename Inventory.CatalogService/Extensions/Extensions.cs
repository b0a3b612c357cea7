using Inventory.CatalogService.Data;
using Inventory.CatalogService.Seeding;
using Inventory.ServiceDefaults;
using Inventory.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;

namespace Inventory.CatalogService.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDbContext<CatalogDbContext>(ResourceNames.CatalogDb,
            settings => settings.ConnectionString = PostgresConnectionTuning.Apply(settings.ConnectionString),
            options => options.UseSnakeCaseNamingConvention());
        builder.Services.AddDatabaseMigrator<CatalogDbContext>();
        builder.AddIdempotencyKeyCleanup<IHostApplicationBuilder, CatalogDbContext>();
        builder.AddServiceAuthentication(ResourceNames.Catalog, trustedServices: ResourceNames.Procurement);
        builder.AddRequiredConfigurationCheck($"ConnectionStrings:{ResourceNames.CatalogDb}");
        if (builder.Configuration.GetValue<bool>(DevelopmentSeeder.EnabledSetting))
            builder.Services.AddHostedService<DevelopmentSeeder>();
    }
}
