using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Scalar.AspNetCore;

namespace Inventory.ServiceDefaults;

public static class ApiReference
{
    /// <summary>
    /// The service's OpenAPI document (/openapi/v1.json) and a browsable reference (/scalar), in Development
    /// only and without sign-in, for people exploring the API; other environments do not serve them.
    /// </summary>
    public static WebApplication MapApiReference(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            app.MapOpenApi().AllowAnonymous();
            app.MapScalarApiReference().AllowAnonymous();
        }
        return app;
    }
}
