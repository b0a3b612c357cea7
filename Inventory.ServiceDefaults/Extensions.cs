using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

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
        builder.AddDefaultHealthChecks();
        builder.AddRequestLogging();
        builder.Services.TryAddSingleton(TimeProvider.System);

        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler(options => OutgoingCalls.Configure(options, budget));
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
