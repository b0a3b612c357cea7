using System.Text;
using Inventory.ServiceDefaults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Inventory.Tests.Service.Operations;

/// <summary>
/// Which request lines the OTLP exporter sends, from a host built by the real <c>AddServiceDefaults</c> to an OTLP/HTTP
/// fake on loopback: a page's line, and a static file's only when static files are traced.
/// </summary>
public sealed class RequestLogExportTests
{
    [Fact]
    public async Task A_pages_request_line_is_exported_and_a_static_files_is_not()
    {
        var (page, file, exported) = await RequestBothAsync(tracesStaticFiles: false);

        Assert.Contains(page, exported);
        Assert.DoesNotContain(file, exported);
    }

    [Fact]
    public async Task With_static_files_traced_their_request_lines_are_exported_too()
    {
        var (page, file, exported) = await RequestBothAsync(tracesStaticFiles: true);

        Assert.Contains(page, exported);
        Assert.Contains(file, exported);
    }

    /// <summary>A page and a static file requested once each; the text of every log export (OTLP's strings are plain UTF-8 in the protobuf).</summary>
    private static async Task<(string Page, string File, string Exported)> RequestBothAsync(bool tracesStaticFiles)
    {
        await using var collector = await LoopbackIngest.StartAsync();
        var builder = ServiceDefaultsHost.CreateBuilder(new()
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Address.ToString(),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            [TraceSampling.StaticFilesSetting] = tracesStaticFiles ? "true" : "false",
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddServiceDefaults(TimeBudgets.Catalog);
        var page = $"/inventory/{Guid.NewGuid():N}";
        var file = $"/css/{Guid.NewGuid():N}.css";
        await using (var app = builder.Build())
        {
            app.UseServiceDefaults();
            app.MapGet("/{**path}", () => Results.Text("ok"));
            await app.StartAsync();
            using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
            // The file first: its line, if it is exported at all, is in the page's export or an earlier one.
            (await client.GetAsync(file)).EnsureSuccessStatusCode();
            (await client.GetAsync(page)).EnsureSuccessStatusCode();
            await app.StopAsync();
        } // disposing the logger provider exports what its batch still holds
        await collector.WaitForAsync(p => p.Path == "/v1/logs" && Encoding.UTF8.GetString(p.Body).Contains(page), TimeSpan.FromSeconds(10));
        return (page, file, string.Concat(collector.Posts.Where(p => p.Path == "/v1/logs").Select(p => Encoding.UTF8.GetString(p.Body))));
    }
}
