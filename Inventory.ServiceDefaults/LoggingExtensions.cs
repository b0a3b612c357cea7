using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Inventory.ServiceDefaults;

public static class LoggingExtensions
{
    /// <summary>
    /// Outside Development, logs go to stdout as one JSON object per line, so a container platform's
    /// log collector can index them. In Development the plain console stays readable and OTLP carries
    /// the structured form to the Aspire dashboard. In any environment, log files when configured (<see cref="LogFiles"/>).
    /// </summary>
    public static void ConfigureLogging(this IHostApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(options =>
            {
                options.IncludeScopes = true;
                options.UseUtcTimestamp = true;
                options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }
        builder.AddLogFiles();
    }
}
