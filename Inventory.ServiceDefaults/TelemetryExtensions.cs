using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Inventory.ServiceDefaults;

public static class TelemetryExtensions
{
    /// <summary>Whether the AppHost (or an operator) gave this process an OTLP endpoint to export to, with the SDK on.</summary>
    public static bool ExportsOtlp(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"])
        && !string.Equals(configuration["OTEL_SDK_DISABLED"], "true", StringComparison.OrdinalIgnoreCase);

    public static void ConfigureOpenTelemetry(this IHostApplicationBuilder builder)
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        var untraced = TraceSampling.Untraced(builder.Configuration);
        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("Npgsql")
                .LimitCardinality())
            .WithTracing(tracing => tracing
                .SetSampler(TraceSampling.ForRatio(TraceSampling.Ratio(builder.Configuration)))
                // First, so the exporters' processors see a failed span already marked as kept.
                .AddProcessor(new TraceSampling.KeepErrors())
                .AddProcessor(new CommandSpans())
                .AddSource(builder.Environment.ApplicationName)
                // Probes hit health endpoints every few seconds and a page pulls many static files; tracing them buries
                // real requests and costs the dashboard more than the pages.
                .AddAspNetCoreInstrumentation(aspnet => aspnet.Filter = context => !untraced(context.Request.Path))
                .AddHttpClientInstrumentation()
                // Npgsql's own ActivitySource covers both raw ADO.NET and EF Core commands.
                .AddSource("Npgsql"));

        // The AppHost sets the OTLP endpoint; without it (plain `dotnet run`, tests) nothing is exported.
        if (ExportsOtlp(builder.Configuration))
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        builder.AddExtraOtlpExporter();
    }
}
