using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Inventory.ServiceDefaults;

/// <summary>
/// A second OTLP destination for traces, metrics and logs (any APM that speaks OTLP), beside the one
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> names (the Aspire dashboard): <c>Telemetry:Otlp:Endpoint</c>,
/// <c>Telemetry:Otlp:Headers</c> (<c>key=value</c> pairs separated by commas, e.g. <c>api-key=…</c>) and
/// <c>Telemetry:Otlp:Protocol</c> (<c>grpc</c>, the default, or <c>http/protobuf</c>).
/// </summary>
public static class ExtraOtlpExporter
{
    public const string EndpointSetting = "Telemetry:Otlp:Endpoint";
    public const string HeadersSetting = "Telemetry:Otlp:Headers";
    public const string ProtocolSetting = "Telemetry:Otlp:Protocol";

    public static void AddExtraOtlpExporter(this IHostApplicationBuilder builder)
    {
        var endpoint = builder.Configuration[EndpointSetting];
        if (string.IsNullOrWhiteSpace(endpoint))
            return;
        var protocol = ProtocolOf(builder.Configuration[ProtocolSetting]);
        var headers = builder.Configuration[HeadersSetting] ?? "";

        OtlpExporterOptions Options(string signalPath) => new()
        {
            Protocol = protocol,
            // Over HTTP each signal has its own path under the endpoint, as OTEL_EXPORTER_OTLP_ENDPOINT is read;
            // an endpoint set in code is taken as it is, so the path is added here.
            Endpoint = protocol == OtlpExportProtocol.HttpProtobuf ? new Uri($"{endpoint.TrimEnd('/')}/{signalPath}") : new Uri(endpoint),
            // Set even when empty, so the dashboard's OTEL_EXPORTER_OTLP_HEADERS never go to the other service.
            Headers = headers,
        };

        // Exporters of their own, not AddOtlpExporter: OpenTelemetry refuses those beside UseOtlpExporter (the dashboard's).
        builder.Services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddProcessor(_ => new BatchActivityExportProcessor(new OtlpTraceExporter(Options("v1/traces")))))
            .WithMetrics(metrics => metrics.AddReader(_ => new PeriodicExportingMetricReader(new OtlpMetricExporter(Options("v1/metrics")))))
            .WithLogging(logging => logging.AddProcessor(_ => new BatchLogRecordExportProcessor(new OtlpLogExporter(Options("v1/logs")))));
    }

    private static OtlpExportProtocol ProtocolOf(string? setting) => setting switch
    {
        null or "" or "grpc" => OtlpExportProtocol.Grpc,
        "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
        _ => throw new InvalidOperationException($"{ProtocolSetting} must be grpc or http/protobuf, not '{setting}'."),
    };
}
