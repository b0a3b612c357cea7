using Inventory.Gateway;
using Inventory.ServiceDefaults;
using Inventory.Gateway.Preflight;
using Inventory.ServiceDefaults.Preflight;

if (args is [PreflightCommand.Name, ..])
    return await GatewayPreflight.Command.RunAsync(args[1..]);

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults(TimeBudgets.Gateway);
builder.AddAllowedHosts();
builder.Services.AddProblemDetails();
builder.AddSecurityHeaders();
builder.AddRequestLimits();
builder.AddBudgetOwners();
builder.AddGatewayRateLimiting();
builder.AddGatewayProxy();

var app = builder.Build();

// Outermost, so that rejections, timeouts and errors carry the headers too.
app.UseSecurityHeaders();
app.UseBudgetOwners();
app.UseServiceDefaults();
app.UseHttpsRedirect();
app.UseExceptionHandler();
app.UseRateLimiter();
app.UseRequestTimeouts();

app.MapDefaultEndpoints();
app.MapGatewayProxy();

app.Run();
return 0;
