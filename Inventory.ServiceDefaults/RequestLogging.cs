using System.Diagnostics;
using Inventory.ServiceDefaults.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Inventory.ServiceDefaults;

/// <summary>
/// One log line per request (ASP.NET Core's HTTP logging, request and response combined) with method, path,
/// status and duration, plus the caller's user id, the client IP and the trace id. Health probes are not logged.
/// </summary>
public static class RequestLogging
{
    public const string Category = "Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware";

    public static TBuilder AddRequestLogging<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHttpLogging(options =>
        {
            options.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath |
                                    HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
            options.CombineLogs = true;
        });
        builder.Services.AddHttpLoggingInterceptor<RequestLogEnricher>();
        builder.Logging.AddFilter(Category, LogLevel.Information);
        return builder;
    }

    public static WebApplication UseRequestLogging(this WebApplication app)
    {
        app.UseHttpLogging();
        return app;
    }
}

internal sealed class RequestLogEnricher : IHttpLoggingInterceptor
{
    public ValueTask OnRequestAsync(HttpLoggingInterceptorContext logContext)
    {
        var context = logContext.HttpContext;
        if (HealthEndpoints.IsHealthPath(context.Request.Path))
        {
            logContext.LoggingFields = HttpLoggingFields.None;
            return ValueTask.CompletedTask;
        }
        logContext.AddParameter("ClientIp", context.Connection.RemoteIpAddress?.ToString());
        logContext.AddParameter("TraceId", Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier);
        return ValueTask.CompletedTask;
    }

    public ValueTask OnResponseAsync(HttpLoggingInterceptorContext logContext)
    {
        // Authentication has run by now, so the user is known.
        if (logContext.LoggingFields != HttpLoggingFields.None)
            logContext.AddParameter("UserId", logContext.HttpContext.User.FindFirst(TokenClaims.Subject)?.Value);
        return ValueTask.CompletedTask;
    }
}
