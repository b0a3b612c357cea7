using System.Collections.Concurrent;
using System.Diagnostics;
using Inventory.ServiceDefaults;
using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.Service.Gateway;

/// <summary>
/// Through a real gateway with OpenTelemetry on: a page request makes recorded spans (the gateway's server span, and
/// Web's directly under it: the call between them makes none), a static file none, unless
/// <c>Telemetry:Tracing:StaticFiles</c> turns its tracing on.
/// </summary>
public sealed class GatewayTracingTests
{
    [Fact]
    public async Task A_page_is_traced_and_a_static_file_is_not()
    {
        using var spans = new RecordedSpans();
        await using var gateway = await InProcessGateway.StartAsync(new() { ["OTEL_SDK_DISABLED"] = "false" });
        using var client = gateway.CreateClient();
        var page = $"/inventory/{Guid.NewGuid():N}";
        var file = $"/css/{Guid.NewGuid():N}.css";

        // The file first: the gateway finishes a request (its server span ends) before it reads the next one on the
        // same connection, so once the page's spans are seen, the file's would have been too.
        (await client.GetAsync(file)).EnsureSuccessStatusCode();
        (await client.GetAsync(page)).EnsureSuccessStatusCode();

        // Web's (the backend's) server span is a child of the gateway's: the trace context forwarded is the gateway's
        // server span's, not the test client's that came in, and not a client span of the gateway's own. A server span
        // ends after its response has reached the client, so it is waited for.
        await Eventually.TrueAsync(() => spans.Naming(page) is var pageSpans
            && pageSpans.Any(web => web.Kind == ActivityKind.Server
                && pageSpans.Any(gateway => gateway.Kind == ActivityKind.Server && gateway.SpanId == web.ParentSpanId
                    && gateway.TraceId == web.TraceId)),
            "Web's server span under the gateway's, recorded", TimeSpan.FromSeconds(10));
        Assert.DoesNotContain(spans.Naming(page), span => span.Kind == ActivityKind.Client);
        Assert.Empty(spans.Naming(file));
    }

    [Fact]
    public async Task Static_files_are_traced_when_the_setting_says_so()
    {
        using var spans = new RecordedSpans();
        await using var gateway = await InProcessGateway.StartAsync(new()
        {
            ["OTEL_SDK_DISABLED"] = "false",
            [TraceSampling.StaticFilesSetting] = "true",
        });
        using var client = gateway.CreateClient();
        var file = $"/css/{Guid.NewGuid():N}.css";

        (await client.GetAsync(file)).EnsureSuccessStatusCode();

        await Eventually.TrueAsync(() => spans.Naming(file).Any(s => s.Kind == ActivityKind.Server),
            "the gateway's server span for the file, recorded", TimeSpan.FromSeconds(10));
    }

    /// <summary>
    /// Every span of this process that ended recorded (what an exporter would be given). It samples nothing itself, so
    /// the gateway's own sampler and filter decide, and other tests' spans are told apart by the unique paths.
    /// </summary>
    private sealed class RecordedSpans : IDisposable
    {
        private readonly ConcurrentQueue<Activity> _ended = new();
        private readonly ActivityListener _listener;

        public RecordedSpans()
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name is "Microsoft.AspNetCore" or "System.Net.Http",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.None,
                ActivityStopped = activity =>
                {
                    if (activity.Recorded)
                        _ended.Enqueue(activity);
                },
            };
            ActivitySource.AddActivityListener(_listener);
        }

        /// <summary>
        /// The server spans for <paramref name="path"/> (the gateway's, and the test backend's in this process) and any
        /// call made inside a server span (a client span of the gateway's), not the test client's own call (listeners
        /// see every source of the process).
        /// </summary>
        public List<Activity> Naming(string path) =>
            _ended.Where(a => a.Kind == ActivityKind.Server || a.Parent?.Kind == ActivityKind.Server)
                .Where(a => a.TagObjects.Any(tag => tag.Value?.ToString()?.Contains(path, StringComparison.Ordinal) == true)).ToList();

        public void Dispose() => _listener.Dispose();
    }
}
