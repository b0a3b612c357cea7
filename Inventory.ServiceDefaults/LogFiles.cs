using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Events;
using Serilog.Extensions.Logging;
using Serilog.Templates;

namespace Inventory.ServiceDefaults;

/// <summary>
/// Optional rolling log files for hosts without a log collector (<c>Logging:Files:Enabled</c>): a general file
/// <c>&lt;service&gt;-&lt;date&gt;.json</c> kept 30 days and an errors file <c>&lt;service&gt;-errors-&lt;date&gt;.json</c>
/// kept 90 days, in <c>Logging:Files:Directory</c>. Serilog's file sink rolls and prunes them; it is one more
/// logging provider beside the console and OTLP, which stay as they are.
/// </summary>
public static class LogFiles
{
    public const string EnabledSetting = "Logging:Files:Enabled";
    public const string DirectorySetting = "Logging:Files:Directory";
    public const string DefaultDirectory = "logs";

    public static readonly TimeSpan GeneralRetention = TimeSpan.FromDays(30);
    public static readonly TimeSpan ErrorRetention = TimeSpan.FromDays(90);
    public const long FileSizeLimitBytes = 100L * 1024 * 1024;

    /// <summary>
    /// One JSON object per line, with the field names of the JSON console (Timestamp, EventId, LogLevel, Category,
    /// Message, Exception, State) plus TraceId and SpanId; scopes that are key/value lists (the request's, the
    /// activity's) land in State, other scopes in Scopes.
    /// </summary>
    private static readonly string JsonLine =
        "{ {Timestamp: ToString(UtcDateTime(@t), 'yyyy-MM-ddTHH:mm:ss.fffZ'), EventId: EventId.Id, " +
        "LogLevel: if @l = 'Verbose' then 'Trace' else if @l = 'Fatal' then 'Critical' else @l, " +
        "Category: SourceContext, Message: @m, Exception: @x, TraceId: @tr, SpanId: @sp, " +
        "State: rest(), Scopes: Scope} }\n";

    public static bool IsEnabled(IConfiguration configuration) => configuration.GetValue<bool>(EnabledSetting);

    /// <summary>The directory the files go to: the setting, relative to the content root, or <c>logs</c> there.</summary>
    public static string DirectoryOf(IHostApplicationBuilder builder) => Path.GetFullPath(
        builder.Configuration[DirectorySetting] is { Length: > 0 } directory ? directory : DefaultDirectory,
        builder.Environment.ContentRootPath);

    public static void AddLogFiles(this IHostApplicationBuilder builder)
    {
        if (!IsEnabled(builder.Configuration))
            return;

        var directory = DirectoryOf(builder);
        var service = builder.Environment.ApplicationName;
        var fileLogger = new LoggerConfiguration()
            // Levels are decided by Logging:LogLevel, before an entry reaches this provider (see below).
            .MinimumLevel.Verbose()
            .WriteTo.File(new ExpressionTemplate(JsonLine), Path.Combine(directory, $"{service}-.json"),
                rollingInterval: RollingInterval.Day, fileSizeLimitBytes: FileSizeLimitBytes, rollOnFileSizeLimit: true,
                retainedFileCountLimit: null, retainedFileTimeLimit: GeneralRetention)
            .WriteTo.File(new ExpressionTemplate(JsonLine), Path.Combine(directory, $"{service}-errors-.json"),
                restrictedToMinimumLevel: LogEventLevel.Error,
                rollingInterval: RollingInterval.Day, fileSizeLimitBytes: FileSizeLimitBytes, rollOnFileSizeLimit: true,
                retainedFileCountLimit: null, retainedFileTimeLimit: ErrorRetention)
            .CreateLogger();

        // Not builder.Logging.AddSerilog(): it adds a Trace-level rule for Serilog's provider, which would beat every
        // Logging:LogLevel rule, so the files would ignore the levels the console honours. A factory registration
        // lets the container dispose the provider (and so flush and close the files) when the host stops.
        builder.Services.AddSingleton<ILoggerProvider>(_ => new SerilogLoggerProvider(fileLogger, dispose: true));
    }
}
