using Inventory.ProcurementService.Apis;
using Inventory.ProcurementService.Extensions;
using Inventory.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceApi(TimeBudgets.Procurement);
builder.AddApplicationServices();

var app = builder.Build();
app.UseServiceApi();
app.MapProcurementApis();

app.Run();
