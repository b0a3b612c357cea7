namespace Inventory.AppHost;

/// <summary>
/// The projects export their telemetry to the dashboard over OTLP/HTTP (protobuf), not gRPC, which Aspire prefers
/// when the dashboard has both receivers. The exporter's gRPC client waits for each export by spinning: 12–14 % of
/// the gateway's CPU under load went to sending, against 1–2 % over OTLP/HTTP (docs/benchmarks.md, "Gateway per
/// proxied page"). The dashboard's OTLP/HTTP receiver is <c>ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL</c> (the launch
/// profile's <c>http://localhost:19080</c>).
/// </summary>
internal static class TelemetryExport
{
    public static void ExportTelemetryOverOtlpHttp(this IDistributedApplicationBuilder builder)
    {
        foreach (var project in builder.Resources.OfType<ProjectResource>())
            builder.CreateResourceBuilder(project).WithOtlpExporter(OtlpProtocol.HttpProtobuf);
    }
}
