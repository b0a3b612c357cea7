using Inventory.CatalogService.Apis;
using Inventory.CatalogService.Extensions;
using Inventory.CatalogService.Preflight;
using Inventory.CatalogService.Seeding;
using Inventory.ServiceDefaults;
using Inventory.ServiceDefaults.Commands;

// A developer's generator with its own options (--items 100000 …), run before any configuration is read.
if (args is [BulkSeedCommand.Name, ..])
    return await BulkSeedCommand.RunAsync(args[1..]);

var builder = WebApplication.CreateBuilder(args);
if (await ServiceCommands.TryRunAsync(builder, args, AddServices, CatalogPreflight.Command) is { } exit)
    return exit;
AddServices(builder);

var app = builder.Build();
app.UseServiceApi();
app.MapCatalogApis();

app.Run();
return 0;

static void AddServices(WebApplicationBuilder builder)
{
    builder.AddServiceApi(TimeBudgets.Catalog);
    builder.AddApplicationServices();
}
