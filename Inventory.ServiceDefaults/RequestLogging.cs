using System.Diagnostics;
using Inventory.ServiceDefaults.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry.Logs;

namespace Inventory.ServiceDefaults;

/// <summary>
/// One log line per request, written once when the response is done: method, path, status and duration, plus the
/// caller's user id, the client IP and the trace id. Health probes are not logged. A middleware of its own with one
/// struct of fields, formatted only by a sink that wants text, rather than ASP.NET Core's HTTP logging, whose
/// per-request interceptor context, field list and formatter cost more for the same line (docs/benchmarks.md, issue 14).
/// <para>Written once: in Development with an OTLP exporter the line goes to the exporter only, not to the console too.
/// The lines of Web's static files (<see cref="StaticFilesCategory"/>) are not exported over OTLP while static files
/// are untraced (<see cref="TraceSampling"/>): they go to the log files, and to the console where the console has request
/// lines (everywhere but Development with an OTLP exporter).</para>
/// </summary>
public static class RequestLogging
{
    /// <summary>The log category of the request lines (filter on it; it is logged at Information whatever the defaults).</summary>
    public const string Category = "Inventory.RequestLog";

    /// <summary>The category of a static file's request line: <see cref="Category"/>'s, so every filter on that applies to it too.</summary>
    public const string StaticFilesCategory = Category + ".StaticFiles";

    public static TBuilder AddRequestLogging<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddFilter(Category, LogLevel.Information);
        // In Development with an OTLP exporter (the AppHost's run mode) the dashboard has every line structured, so the
        // plain console does not print it a second time. That console copy was the gateway's largest single cost per
        // proxied request (~12 % of its CPU on a static file, docs/benchmarks.md, issue 14).
        if (builder.Environment.IsDevelopment() && TelemetryExtensions.ExportsOtlp(builder.Configuration))
            builder.Logging.AddFilter<ConsoleLoggerProvider>(Category, LogLevel.None);
        // A page's CSS, scripts and icons outnumber its pages several times over. Sent as OTLP log records they cost the
        // receiver as much CPU as nginx spends serving the file (the Aspire dashboard 19 µs a line against the gateway's
        // 37 µs for the whole answer, docs/benchmarks.md), and say nothing a trace would: they follow the tracing rule.
        if (!TraceSampling.TracesStaticFiles(builder.Configuration))
            builder.Logging.AddFilter<OpenTelemetryLoggerProvider>(StaticFilesCategory, LogLevel.None);
        return builder;
    }

    public static WebApplication UseRequestLogging(this WebApplication app)
    {
        var loggers = app.Services.GetRequiredService<ILoggerFactory>();
        var pageLogger = loggers.CreateLogger(Category);
        var staticFileLogger = loggers.CreateLogger(StaticFilesCategory);
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            var logger = WebStaticFiles.IsStaticFile(path) ? staticFileLogger : pageLogger;
            if (HealthEndpoints.IsHealthPath(path) || !logger.IsEnabled(LogLevel.Information))
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

    private static readonly EventId RequestEvent = new(1, "Request");

    private static void Write(ILogger logger, string method, string path, int statusCode, double duration,
        string? userId, string? clientIp, string traceId) =>
        logger.Log(LogLevel.Information, RequestEvent, new RequestLine(method, path, statusCode, duration, userId, clientIp, traceId),
            null, static (line, _) => line.ToString());

    /// <summary>The line's fields as structured state (what JSON logs and OTLP carry), formatted only when a sink asks.</summary>
    private readonly record struct RequestLine(string Method, string Path, int StatusCode, double Duration,
        string? UserId, string? ClientIp, string TraceId) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        private const string Format = "{Method} {Path} responded {StatusCode} in {Duration} ms (user {UserId}, client {ClientIp}, trace {TraceId})";

        public int Count => 8;

        public KeyValuePair<string, object?> this[int index] => index switch
        {
            0 => new(nameof(Method), Method),
            1 => new(nameof(Path), Path),
            2 => new(nameof(StatusCode), StatusCode),
            3 => new(nameof(Duration), Duration),
            4 => new(nameof(UserId), UserId),
            5 => new(nameof(ClientIp), ClientIp),
            6 => new(nameof(TraceId), TraceId),
            7 => new("{OriginalFormat}", Format),
            _ => throw new ArgumentOutOfRangeException(nameof(index)),
        };

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
        {
            for (var i = 0; i < Count; i++)
                yield return this[i];
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{Method} {Path} responded {StatusCode} in {Duration:0.000} ms (user {UserId}, client {ClientIp}, trace {TraceId})");
    }
}
