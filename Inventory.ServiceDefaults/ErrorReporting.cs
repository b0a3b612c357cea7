using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sentry.Extensibility;

namespace Inventory.ServiceDefaults;

/// <summary>
/// Optional error reporting to Sentry (<c>Sentry:Dsn</c>; off when empty): every unhandled request error, and
/// every log entry at Error or above, becomes an event. Events carry no personal data beyond the user id
/// (<see cref="ErrorReportPrivacy"/>), whatever else the <c>Sentry</c> section says.
/// </summary>
public static class ErrorReporting
{
    public const string DsnSetting = "Sentry:Dsn";

    public static bool IsEnabled(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration[DsnSetting]);

    public static void AddErrorReporting(this IHostApplicationBuilder builder)
    {
        // Sentry's ASP.NET Core integration hooks the web host (its middleware comes first in the pipeline); every
        // service is a web application, a plain host (a command) reports nothing.
        if (!IsEnabled(builder.Configuration) || builder is not WebApplicationBuilder web)
            return;

        var dsn = builder.Configuration[DsnSetting];
        web.WebHost.UseSentry(options =>
        {
            // Runs after the Sentry section is bound, so configuration cannot turn these back on.
            options.Dsn = dsn;
            options.SendDefaultPii = false;
            options.MaxRequestBodySize = RequestSize.None;
            // No breadcrumbs: log lines may name a person (an e-mail on a refused sign-in) and outgoing calls' URLs
            // their searches. The report's TraceId tag leads to the request's log lines instead.
            options.MinimumBreadcrumbLevel = LogLevel.None;
            options.SetBeforeBreadcrumb(_ => null);
            options.MinimumEventLevel = LogLevel.Error;
            options.SetBeforeSend((report, _) => ErrorReportPrivacy.Scrub(report));
        });
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<ISentryEventProcessor, ErrorReportPrivacy>();
    }
}
