using Inventory.ServiceDefaults;
using Inventory.ServiceDefaults.Security;
using Inventory.Web.Auth;
using Inventory.Web.Data;
using Inventory.Web.Services;
using Inventory.Web.Users;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Web.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorPages(pages => pages.Conventions.AuthorizeFolder("/Admin", WebAuthentication.AdminPolicy))
            .AddMvcOptions(mvc => mvc.Filters.Add<Forms.NulFieldErrors>());
        builder.AddServiceDbContext<WebDbContext>(ResourceNames.WebDb);
        builder.Services.AddDatabaseMigrator<WebDbContext>();
        // Keys in the database: restarts and every replica can read each other's cookies and anti-forgery tokens.
        builder.AddWebDataProtection();
        builder.AddRequiredConfigurationCheck($"ConnectionStrings:{ResourceNames.WebDb}", "Auth:SigningKey");
        builder.AddGatewayForwardedHeaders();

        builder.AddWebAuthentication();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<UserDirectory>();
        builder.Services.AddScoped<UserAdministration>();
        builder.Services.AddSingleton(sp => new TokenMinter(TokenClaims.UserIssuer,
            builder.Configuration["Auth:SigningKey"] ?? throw new InvalidOperationException("Auth:SigningKey is not configured."),
            sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton(sp => new TokenCache(sp.GetRequiredService<TokenMinter>(), sp.GetRequiredService<TimeProvider>()));

        // Every write of both clients carries the form's Idempotency-Key, so the resilience pipeline (OutgoingCalls) may
        // retry it; each call has Web's call budget and all of a page's calls its page budget.
        builder.Services.AddHttpClient<CatalogClient>(client => client.BaseAddress = ResourceNames.ServiceUri(ResourceNames.Catalog))
            .AddPageBudget().AddUserToken(ResourceNames.Catalog);
        builder.Services.AddHttpClient<ProcurementClient>(client => client.BaseAddress = ResourceNames.ServiceUri(ResourceNames.Procurement))
            .AddPageBudget().AddUserToken(ResourceNames.Procurement);
        builder.Services.AddScoped<UserNames>();
        builder.Services.AddScoped<Inventory.Web.Scanning.CodeResolver>();
        builder.Services.AddScoped<AuditTrail>();
        builder.Services.AddScoped<Settings.CompanySettingsStore>();
    }
}
