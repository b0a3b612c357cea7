using Inventory.CatalogService.Apis;
using Inventory.CatalogService.Extensions;
using Inventory.CatalogService.Seeding;
using Inventory.ServiceDefaults;

if (args is [BulkSeedCommand.Name, ..])
    return await BulkSeedCommand.RunAsync(args[1..]);

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();
builder.Services.AddApiProblemDetails();
builder.Services.AddOpenApi();

var app = builder.Build();

app.UseServiceDefaults();
app.UseApiProblemDetails();
app.UseAuthentication();
app.UseAuthorization();
app.MapDefaultEndpoints();
app.MapApiReference();
app.MapCatalogApis();

app.Run();
return 0;
