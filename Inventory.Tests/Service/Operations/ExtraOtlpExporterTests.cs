using System.Diagnostics;
using Inventory.ServiceDefaults;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Inventory.Tests.Service.Operations;

/// <summary>The second OTLP exporter (<see cref="ExtraOtlpExporter"/>) of a host built by the real <c>AddServiceDefaults</c>, to an OTLP/HTTP fake on loopback.</summary>
public sealed class ExtraOtlpExporterTests
{
    [Fact]
    public async Task Traces_and_logs_go_to_the_configured_endpoint_with_its_headers()
    {
        await using var collector = await LoopbackIngest.StartAsync();
        var builder = ServiceDefaultsHost.CreateBuilder(new()
        {
            [ExtraOtlpExporter.EndpointSetting] = collector.Address.ToString(),
            [ExtraOtlpExporter.ProtocolSetting] = "http/protobuf",
            [ExtraOtlpExporter.HeadersSetting] = "api-key=test-apm-key",
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddServiceDefaults(TimeBudgets.Catalog);
        await using (var app = builder.Build())
        {
            await app.StartAsync();
            using (new ActivitySource(builder.Environment.ApplicationName).StartActivity("count-stock"))
                app.Services.GetRequiredService<ILogger<ExtraOtlpExporterTests>>().LogWarning("Stock count differs");
            await app.StopAsync();
        } // disposing the providers exports what their batches hold

        foreach (var signal in new[] { "/v1/traces", "/v1/logs" })
        {
            var post = await collector.WaitForAsync(p => p.Path == signal, TimeSpan.FromSeconds(10));
            Assert.Equal("test-apm-key", post.Headers["api-key"]);
            Assert.Equal("application/x-protobuf", post.Headers["Content-Type"]);
        }
    }

    [Fact]
    public void An_unknown_protocol_is_refused_at_start_naming_the_setting()
    {
        var builder = ServiceDefaultsHost.CreateBuilder(new()
        {
            [ExtraOtlpExporter.EndpointSetting] = "http://127.0.0.1:4318",
            [ExtraOtlpExporter.ProtocolSetting] = "http/json",
        });

        var refused = Assert.Throws<InvalidOperationException>(() => builder.AddServiceDefaults(TimeBudgets.Catalog));
        Assert.Contains(ExtraOtlpExporter.ProtocolSetting, refused.Message);
    }
}
