using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Inventory.ServiceDefaults;

/// <summary>
/// What every backend API service (catalog, procurement) is, around its own endpoints: the service defaults,
/// ProblemDetails for every error, an OpenAPI document, and the pipeline request log → errors → authentication →
/// authorization → health and API reference endpoints. A service's Program.cs adds only its own parts.
/// </summary>
public static class ServiceApi
{
    public static WebApplicationBuilder AddServiceApi(this WebApplicationBuilder builder)
    {
        builder.AddServiceDefaults();
        builder.Services.AddApiProblemDetails();
        builder.Services.AddOpenApi();
        return builder;
    }

    public static WebApplication UseServiceApi(this WebApplication app)
    {
        app.UseServiceDefaults();
        app.UseApiProblemDetails();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapDefaultEndpoints();
        app.MapApiReference();
        return app;
    }
}
