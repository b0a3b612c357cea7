using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Inventory.ServiceDefaults;

/// <summary>
/// What every backend API service (catalog, procurement) is, around its own endpoints: the service defaults,
/// ProblemDetails for every error, a request time budget, an OpenAPI document, and the pipeline request log →
/// errors → time budget → authentication → authorization → health and API reference endpoints. A service's
/// Program.cs adds only its own parts.
/// </summary>
public static class ServiceApi
{
    public static WebApplicationBuilder AddServiceApi(this WebApplicationBuilder builder, HopBudget budget)
    {
        builder.AddServiceDefaults(budget);
        builder.Services.AddApiProblemDetails();
        builder.Services.AddOpenApi();
        // A request past its budget is cancelled (its database command with it) and answered 504 with a
        // ProblemDetails body, before the caller's own, longer budget runs out.
        builder.Services.AddRequestTimeouts(timeouts =>
        {
            timeouts.DefaultPolicy = TimeoutPolicy(budget.Request);
            timeouts.AddPolicy(TimeBudgets.LongRunningPolicy, TimeoutPolicy(TimeBudgets.LongRunning));
        });
        return builder;
    }

    public static WebApplication UseServiceApi(this WebApplication app)
    {
        app.UseServiceDefaults();
        app.UseApiProblemDetails();
        app.UseRequestTimeouts();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapDefaultEndpoints();
        app.MapApiReference();
        return app;
    }

    private static RequestTimeoutPolicy TimeoutPolicy(TimeSpan timeout) => new()
    {
        Timeout = timeout,
        TimeoutStatusCode = StatusCodes.Status504GatewayTimeout,
        WriteTimeoutResponse = context => context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status504GatewayTimeout,
                Title = "The service did not answer in time; try again shortly.",
            },
        }).AsTask(),
    };
}
