using Inventory.ProcurementService.Apis;
using Inventory.ProcurementService.Extensions;
using Inventory.ServiceDefaults;
using Inventory.ProcurementService.Preflight;
using Inventory.ServiceDefaults.Preflight;
using Inventory.ServiceDefaults.Commands;

if (args is [PreflightCommand.Name, ..])
    return await ProcurementPreflight.Command.RunAsync(args[1..]);

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceApi(TimeBudgets.Procurement);
builder.AddApplicationServices();
if (await ServiceCommands.TryRunAsync(builder, args) is { } exit)
    return exit;

var app = builder.Build();
app.UseServiceApi();
app.MapProcurementApis();

app.Run();
return 0;
