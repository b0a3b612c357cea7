using Inventory.CatalogService.Categories;
using Inventory.CatalogService.Common;
using Inventory.CatalogService.Counts;
using Inventory.CatalogService.Data;
using Inventory.CatalogService.Items;
using Inventory.CatalogService.Locations;
using Inventory.CatalogService.Stock;
using Inventory.CatalogService.Seeding;
using Inventory.ServiceDefaults;
using Inventory.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;

namespace Inventory.CatalogService.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDbContext<CatalogDbContext>(ResourceNames.CatalogDb);
        builder.Services.AddDatabaseMigrator<CatalogDbContext>();
        builder.AddIdempotencyKeyCleanup<IHostApplicationBuilder, CatalogDbContext>();
        builder.AddServiceAuthentication(ResourceNames.Catalog, trustedServices: ResourceNames.Procurement);
        builder.AddRequiredConfigurationCheck($"ConnectionStrings:{ResourceNames.CatalogDb}");
        builder.Services.AddScoped<AuditTrail>();
        builder.Services.AddScoped<MasterDataChanges>();
        builder.Services.AddScoped<ItemWriter>();
        builder.Services.AddScoped<ItemImport>();
        builder.Services.AddScoped<CategoryWriter>();
        builder.Services.AddScoped<LocationWriter>();
        builder.Services.AddScoped<MovementWriter>();
        builder.Services.AddSingleton<ClosedDayMovers>();
        builder.AddDashboardFold();
        builder.Services.AddScoped<ReceiptPostings>();
        builder.Services.AddScoped<CountService>();
        if (builder.Configuration.GetValue<bool>(DevelopmentSeeder.EnabledSetting))
            builder.Services.AddHostedService<DevelopmentSeeder>();
    }
}
