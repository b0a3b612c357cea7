using Inventory.CatalogService.Apis;
using Inventory.CatalogService.Extensions;
using Inventory.CatalogService.Seeding;
using Inventory.ServiceDefaults;

if (args is [BulkSeedCommand.Name, ..])
    return await BulkSeedCommand.RunAsync(args[1..]);

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceApi(TimeBudgets.Catalog);
builder.AddApplicationServices();

var app = builder.Build();
app.UseServiceApi();
app.MapCatalogApis();

app.Run();
return 0;
