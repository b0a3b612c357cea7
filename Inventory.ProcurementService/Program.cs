using Inventory.ProcurementService.Apis;
using Inventory.ProcurementService.Extensions;
using Inventory.ProcurementService.Preflight;
using Inventory.ServiceDefaults;
using Inventory.ServiceDefaults.Commands;

var builder = WebApplication.CreateBuilder(args);
if (await ServiceCommands.TryRunAsync(builder, args, AddServices, ProcurementPreflight.Command) is { } exit)
    return exit;
AddServices(builder);

var app = builder.Build();
app.UseServiceApi();
app.MapProcurementApis();

app.Run();
return 0;

static void AddServices(WebApplicationBuilder builder)
{
    builder.AddServiceApi(TimeBudgets.Procurement);
    builder.AddApplicationServices();
}
