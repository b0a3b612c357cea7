using Inventory.ServiceDefaults;
using Inventory.ServiceDefaults.Commands;
using Inventory.Web.Auth;
using Inventory.Web.Extensions;
using Inventory.Web.Forms;
using Inventory.Web.Preflight;
using Inventory.Web.Services;
using Inventory.Web.Users;

var builder = WebApplication.CreateBuilder(args);
if (await ServiceCommands.TryRunAsync(builder, args, AddServices, WebPreflight.Command, new AdminCommand()) is { } exit)
    return exit;
AddServices(builder);

var app = builder.Build();

// Forwarded headers first, so the request log shows the client's address rather than the gateway's.
app.UseGatewayForwardedHeaders();
app.UseServiceDefaults();
app.UsePageBudget();
if (!app.Environment.IsDevelopment())
    app.UseExceptionHandler("/error");
app.UseStatusCodePagesWithReExecute("/error", "?status={0}");
// Before anything reads a form: a NUL in a field becomes that field's error, not the error page.
app.UseNulFormFields();
app.UseRouting();
app.UseAuthentication();
app.UseViewerTimeZone();
app.UseAuthorization();
app.UseBudgetPass();
app.UseAntiforgery();

app.MapDefaultEndpoints();
app.MapStaticAssets().AllowAnonymous();
app.MapRazorPages().WithStaticAssets();

app.Run();
return 0;

static void AddServices(WebApplicationBuilder builder)
{
    builder.AddServiceDefaults(TimeBudgets.Web);
    builder.AddApplicationServices();
}
