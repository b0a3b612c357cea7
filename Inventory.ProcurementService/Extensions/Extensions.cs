using Inventory.ProcurementService.Catalog;
using Inventory.ProcurementService.Data;
using Inventory.ProcurementService.PurchaseOrders;
using Inventory.ProcurementService.Receiving;
using Inventory.ProcurementService.Replenishment;
using Inventory.ProcurementService.Suppliers;
using Inventory.ServiceDefaults;
using Inventory.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;
using Polly;

namespace Inventory.ProcurementService.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDbContext<ProcurementDbContext>(ResourceNames.ProcurementDb);
        builder.Services.AddDatabaseMigrator<ProcurementDbContext>();
        builder.AddIdempotencyKeyCleanup<IHostApplicationBuilder, ProcurementDbContext>();
        builder.AddServiceAuthentication(ResourceNames.Procurement);
        builder.AddRequiredConfigurationCheck($"ConnectionStrings:{ResourceNames.ProcurementDb}", SigningKeySetting);

        builder.Services.AddScoped<AuditTrail>();
        builder.Services.AddScoped<SupplierService>();
        builder.Services.AddScoped<SupplierItemService>();
        builder.Services.AddScoped<PurchaseOrderService>();
        builder.Services.AddScoped<PurchaseOrderLineBuilder>();
        builder.Services.AddScoped<ReceivingService>();
        builder.Services.AddScoped<ReplenishmentService>();
        builder.Services.AddOptions<ReceivingOptions>().BindConfiguration(ReceivingOptions.Section);
        builder.Services.AddSingleton<ReceiptSignal>();
        builder.Services.AddSingleton<CatalogReturnWatch>();
        builder.Services.AddScoped<ReceiptLineResolution>();
        builder.Services.AddHostedService<ReceiptDispatcher>();

        // Procurement calls the catalog as itself (its own key), never on behalf of a user.
        builder.Services.AddSingleton(sp => new TokenMinter(TokenClaims.ServiceIssuer(ResourceNames.Procurement),
            builder.Configuration[SigningKeySetting] ?? throw new InvalidOperationException($"{SigningKeySetting} is not configured."),
            sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton(sp => new TokenCache(sp.GetRequiredService<TokenMinter>(), sp.GetRequiredService<TimeProvider>()));
        var catalogAddress = new Uri(builder.Configuration["Catalog:BaseAddress"] ?? ResourceNames.ServiceUri(ResourceNames.Catalog).ToString());
        builder.Services.AddHttpClient<CatalogLookupClient>(client => client.BaseAddress = catalogAddress)
            .AddHttpMessageHandler(sp => new ServiceTokenHandler(ResourceNames.Catalog, sp.GetRequiredService<TokenCache>()));
        // The dispatcher retries with its own backoff; the default handler's retries would only stack on top.
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is marked experimental; it is the documented way to opt one client out.
        builder.Services.AddHttpClient<CatalogReceiptsClient>(client => client.BaseAddress = catalogAddress)
            .AddHttpMessageHandler(sp => new ServiceTokenHandler(ResourceNames.Catalog, sp.GetRequiredService<TokenCache>()))
            .RemoveAllResilienceHandlers()
#pragma warning restore EXTEXP0001
            .AddResilienceHandler("post-receipt", pipeline => pipeline.AddTimeout(TimeSpan.FromSeconds(15)));
    }

    private const string SigningKeySetting = "Auth:SigningKey";
}
