using Inventory.CatalogService.Apis;
using Inventory.CatalogService.Extensions;
using Inventory.CatalogService.Seeding;
using Inventory.ServiceDefaults;
using Inventory.CatalogService.Preflight;
using Inventory.ServiceDefaults.Preflight;
using Inventory.ServiceDefaults.Commands;

if (args is [BulkSeedCommand.Name, ..])
    return await BulkSeedCommand.RunAsync(args[1..]);

if (args is [PreflightCommand.Name, ..])
    return await CatalogPreflight.Command.RunAsync(args[1..]);

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceApi(TimeBudgets.Catalog);
builder.AddApplicationServices();
if (await ServiceCommands.TryRunAsync(builder, args) is { } exit)
    return exit;

var app = builder.Build();
app.UseServiceApi();
app.MapCatalogApis();

app.Run();
return 0;
