using Inventory.ServiceDefaults;

namespace Inventory.Tests.EndToEnd;

/// <summary>
/// How the AppHost has the projects export to the dashboard: OTLP/HTTP, whose exporter sends
/// without the gRPC client's spinning wait (docs/benchmarks.md, "Gateway per proxied page"). Nothing is started.
/// </summary>
public sealed class TelemetryExportModelTests
{
    private static readonly string[] Projects = [ResourceNames.Catalog, ResourceNames.Procurement, ResourceNames.Web, ResourceNames.Gateway];

    [Fact]
    public async Task Every_project_exports_to_the_dashboards_otlp_http_receiver_even_beside_a_grpc_one()
    {
        // Given both receivers, Aspire on its own tells the projects about the gRPC one.
        await using var builder = await AppHostModel.BuildAsync(
            "--ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL=http://localhost:19080", "--ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL=http://localhost:19070");

        foreach (var project in Projects)
        {
            Assert.Equal("http/protobuf", await AppHostModel.EnvironmentValueAsync(builder, project, "OTEL_EXPORTER_OTLP_PROTOCOL"));
            Assert.Equal("http://localhost:19080", await AppHostModel.EnvironmentValueAsync(builder, project, "OTEL_EXPORTER_OTLP_ENDPOINT"));
        }
    }
}
