using System.Diagnostics;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Transforms;

namespace Inventory.Gateway;

/// <summary>
/// A proxied request carries the trace context of the gateway's own server span, and the call to Web makes no client
/// span of its own. For a proxy with one destination per request that span only repeated the server span around it
/// (same path, same duration less the gateway's own few hundred microseconds), yet each one cost the gateway its
/// recording and export and the Aspire dashboard its ingestion: one of the three items the gateway exported per page
/// (docs/benchmarks.md, "Gateway per proxied page"). In a trace Web's server span now sits directly under the
/// gateway's. The call's metrics (<c>http.client.request.duration</c>) are unchanged; other HttpClients of the gateway
/// keep their spans.
/// </summary>
public static class ForwardedTraceContext
{
    public static IReverseProxyBuilder AddForwardedTraceContext(this IReverseProxyBuilder proxy)
    {
        // Replaces YARP's default factory: the same handler, without the DiagnosticsHandler that makes the client span.
        proxy.Services.AddSingleton<IForwarderHttpClientFactory, UntracedCallFactory>();
        proxy.AddTransforms(transforms => transforms.AddRequestTransform(context =>
        {
            Propagate(Activity.Current, context.ProxyRequest);
            return ValueTask.CompletedTask;
        }));
        return proxy;
    }

    /// <summary>
    /// Whatever trace headers the client sent are replaced by <paramref name="span"/>'s context (none without a span),
    /// as YARP's own propagator replaced them with the client span's.
    /// </summary>
    private static void Propagate(Activity? span, HttpRequestMessage request)
    {
        var propagator = DistributedContextPropagator.Current;
        foreach (var field in propagator.Fields)
            request.Headers.Remove(field);
        if (span is not null)
            propagator.Inject(span, request, static (carrier, name, value) =>
                ((HttpRequestMessage)carrier!).Headers.TryAddWithoutValidation(name, value));
    }

    private sealed class UntracedCallFactory : ForwarderHttpClientFactory
    {
        protected override void ConfigureHandler(ForwarderHttpClientContext context, SocketsHttpHandler handler)
        {
            base.ConfigureHandler(context, handler);
            // No propagator: SocketsHttpHandler leaves its DiagnosticsHandler out, so the call starts no Activity.
            handler.ActivityHeadersPropagator = null;
        }
    }
}
