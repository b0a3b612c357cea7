using Inventory.ServiceDefaults;
using Inventory.Web.Services;

namespace Inventory.Web.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorPages();
        builder.AddNpgsqlDataSource(ResourceNames.WebDb,
            settings => settings.ConnectionString = PostgresConnectionTuning.Apply(settings.ConnectionString));
        builder.AddRequiredConfigurationCheck($"ConnectionStrings:{ResourceNames.WebDb}");
        builder.AddGatewayForwardedHeaders();

        builder.Services.AddHttpClient<CatalogClient>(client => client.BaseAddress = ResourceNames.ServiceUri(ResourceNames.Catalog));
        builder.Services.AddHttpClient<ProcurementClient>(client => client.BaseAddress = ResourceNames.ServiceUri(ResourceNames.Procurement));
    }
}
