using Inventory.ProcurementService.Apis;
using Inventory.ProcurementService.Extensions;
using Inventory.ServiceDefaults;

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
app.MapProcurementApis();

app.Run();
