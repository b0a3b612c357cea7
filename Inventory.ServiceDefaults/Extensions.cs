using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;

namespace Inventory.ServiceDefaults;

/// <summary>
/// What every Inventory process gets: telemetry, health checks, service discovery and resilient HTTP
/// clients (the Aspire service-defaults template, with our time budgets: <see cref="OutgoingCalls"/>), plus our logging and health-response conventions.
/// </summary>
public static class Extensions
{
    /// <param name="budget">This process's time budgets (<see cref="TimeBudgets"/>): its calls to other services get <see cref="HopBudget.Call"/>.</param>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder, HopBudget budget) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureLogging();
        builder.ConfigureOpenTelemetry();
        builder.AddErrorReporting();
        builder.AddDefaultHealthChecks();
        builder.AddRequestLogging();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.AddIdleMemoryTrim();

        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            // One pipeline per service (authority): a catalog outage must not open the breaker in front of procurement.
            http.AddStandardResilienceHandler(options => OutgoingCalls.Configure(options, budget)).SelectPipelineByAuthority();
            http.AddServiceDiscovery();
        });
        return builder;
    }

    /// <summary>Middleware every service runs first: the request log line.</summary>
    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        app.UseRequestLogging();
        return app;
    }

    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthEndpoints();
        return app;
    }
}
