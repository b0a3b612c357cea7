using Inventory.Gateway;
using Inventory.Gateway.Preflight;
using Inventory.ServiceDefaults;
using Inventory.ServiceDefaults.Commands;

var builder = WebApplication.CreateBuilder(args);
if (await ServiceCommands.TryRunAsync(builder, args, AddServices, GatewayPreflight.Command) is { } exit)
    return exit;
AddServices(builder);

var app = builder.Build();

// Outermost, so that rejections, timeouts and errors carry the headers too.
app.UseSecurityHeaders();
app.UseBudgetOwners();
app.UseServiceDefaults();
app.UseHttpsRedirect();
app.UseResponseCompression();
app.UseExceptionHandler();
app.UseRateLimiter();
app.UseRequestTimeouts();
app.UseStaticFileCache();

app.MapDefaultEndpoints();
app.MapGatewayProxy();

app.Run();
return 0;

static void AddServices(WebApplicationBuilder builder)
{
    builder.AddServiceDefaults(TimeBudgets.Gateway);
    builder.AddAllowedHosts();
    builder.Services.AddProblemDetails();
    builder.AddSecurityHeaders();
    builder.AddRequestLimits();
    builder.AddBudgetOwners();
    builder.AddGatewayRateLimiting();
    builder.AddGatewayProxy();
    builder.AddGatewayCompression();
    builder.AddStaticFileCache();
}
