using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Inventory.ServiceDefaults;

/// <summary>
/// <c>/alive</c> answers whether the process runs; <c>/health</c> whether it can serve (database,
/// configuration, disk). Both are mapped in every environment because container platforms probe them in
/// production. Bodies list each check's name and status only: details go to the log, never to the caller.
/// </summary>
public static class HealthEndpoints
{
    public const string HealthPath = "/health";
    public const string AlivePath = "/alive";
    public const string LiveTag = "live";
    public static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);

    public static bool IsHealthPath(PathString path) =>
        path.StartsWithSegments(HealthPath) || path.StartsWithSegments(AlivePath);

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag])
            .AddCheck<DiskSpaceHealthCheck>("disk-space");
        builder.Services.AddOptions<DiskSpaceOptions>().BindConfiguration(DiskSpaceOptions.Section);
        // A probe must answer within its platform's timeout: a check that hangs (a frozen database, a check that
        // ignores cancellation) counts as failed after CheckTimeout, whether or not it notices.
        builder.Services.PostConfigure<HealthCheckServiceOptions>(options =>
        {
            foreach (var registration in options.Registrations)
            {
                if (registration.Timeout == Timeout.InfiniteTimeSpan)
                    registration.Timeout = CheckTimeout;
                var check = registration.Factory;
                var timeout = registration.Timeout;
                registration.Factory = services => new TimeBoundHealthCheck(services.GetRequiredService<IServiceScopeFactory>(), check, timeout);
            }
        });
        return builder;
    }

    public static void MapHealthEndpoints(this WebApplication app)
    {
        // Each check has its own timeout; a request budget (ServiceApi) would cut /health short of it.
        app.MapHealthChecks(HealthPath, new HealthCheckOptions { ResponseWriter = WriteJson }).AllowAnonymous().DisableRequestTimeout();
        app.MapHealthChecks(AlivePath, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(LiveTag),
            ResponseWriter = WriteJson,
        }).AllowAnonymous().DisableRequestTimeout();
    }

    private static Task WriteJson(HttpContext context, HealthReport report)
    {
        LogFailures(context, report);
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            totalDurationMs = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
            checks = report.Entries.Select(e => new
            {
                name = e.Key,
                status = e.Value.Status.ToString(),
                durationMs = Math.Round(e.Value.Duration.TotalMilliseconds, 1),
            }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
    }

    private static void LogFailures(HttpContext context, HealthReport report)
    {
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(HealthEndpoints));
        foreach (var (name, entry) in report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy))
            logger.LogWarning(entry.Exception, "Health check {HealthCheck} is {Status}: {Description}", name, entry.Status, entry.Description);
    }
}
