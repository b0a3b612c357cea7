using Inventory.CatalogService.Apis;
using Inventory.CatalogService.Extensions;
using Inventory.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();
builder.Services.AddApiProblemDetails();
builder.Services.AddOpenApi();

var app = builder.Build();

app.UseApiProblemDetails();
app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapItemsApi();

app.Run();
