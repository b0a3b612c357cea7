using System.Diagnostics;
using Inventory.ServiceDefaults.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Inventory.ServiceDefaults;

/// <summary>
/// One log line per request, written once when the response is done: method, path, status and duration, plus the
/// caller's user id, the client IP and the trace id. Health probes are not logged. A middleware of its own with a
/// source-generated log call rather than ASP.NET Core's HTTP logging, whose per-request interceptor context, field
/// list and formatter cost the gateway a visible share of its CPU for the same line (docs/benchmarks.md, issue 14).
/// </summary>
public static partial class RequestLogging
{
    /// <summary>The log category of the request lines (filter on it; it is logged at Information whatever the defaults).</summary>
    public const string Category = "Inventory.RequestLog";

    public static TBuilder AddRequestLogging<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddFilter(Category, LogLevel.Information);
        return builder;
    }

    public static WebApplication UseRequestLogging(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(Category);
        app.Use(async (context, next) =>
        {
            if (HealthEndpoints.IsHealthPath(context.Request.Path) || !logger.IsEnabled(LogLevel.Information))
            {
                await next(context);
                return;
            }
            var started = Stopwatch.GetTimestamp();
            var failed = false;
            try
            {
                await next(context);
            }
            catch
            {
                failed = true;
                throw;
            }
            finally
            {
                // An exception that escaped every handler becomes the server's 500 (unless the response had started).
                var status = failed && !context.Response.HasStarted ? StatusCodes.Status500InternalServerError : context.Response.StatusCode;
                Write(logger, context.Request.Method, context.Request.Path.Value ?? "/", status,
                    Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                    // Authentication has run by now, so the user is known.
                    context.User.FindFirst(TokenClaims.Subject)?.Value,
                    context.Connection.RemoteIpAddress?.ToString(),
                    Activity.Current?.TraceId.ToHexString() ?? context.TraceIdentifier);
            }
        });
        return app;
    }

    [LoggerMessage(EventId = 1, EventName = "Request", Level = LogLevel.Information,
        Message = "{Method} {Path} responded {StatusCode} in {Duration:0.000} ms (user {UserId}, client {ClientIp}, trace {TraceId})")]
    private static partial void Write(ILogger logger, string method, string path, int statusCode, double duration,
        string? userId, string? clientIp, string traceId);
}
