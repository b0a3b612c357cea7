using Inventory.ProcurementService.Data;
using Inventory.ServiceDefaults;
using Inventory.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;

namespace Inventory.ProcurementService.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDbContext<ProcurementDbContext>(ResourceNames.ProcurementDb,
            settings => settings.ConnectionString = PostgresConnectionTuning.Apply(settings.ConnectionString),
            options => options.UseSnakeCaseNamingConvention());
        builder.Services.AddDatabaseMigrator<ProcurementDbContext>();
        builder.AddServiceAuthentication(ResourceNames.Procurement);
        builder.AddRequiredConfigurationCheck($"ConnectionStrings:{ResourceNames.ProcurementDb}");
    }
}
