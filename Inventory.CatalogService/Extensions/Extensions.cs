using Inventory.CatalogService.Data;
using Inventory.ServiceDefaults;
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
        builder.AddRequiredConfigurationCheck($"ConnectionStrings:{ResourceNames.CatalogDb}");
    }
}
