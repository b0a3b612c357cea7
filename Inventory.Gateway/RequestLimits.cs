using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;

namespace Inventory.Gateway;

/// <summary>Body size and time limits for every request that reaches the gateway (see <see cref="GatewayOptions"/>).</summary>
public static class RequestLimits
{
    public static WebApplicationBuilder AddRequestLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<GatewayOptions>()
            .BindConfiguration(GatewayOptions.Section)
            .Validate(o => o.MaxRequestBodySize > 0, $"{GatewayOptions.Section}:MaxRequestBodySize must be positive.")
            .Validate(o => o.RequestTimeout > TimeSpan.Zero, $"{GatewayOptions.Section}:RequestTimeout must be positive.")
            .Validate(o => o.StaticFileCacheDuration >= TimeSpan.Zero,
                $"{GatewayOptions.Section}:StaticFileCacheDuration must be zero (off) or a positive time span, e.g. 00:01:00.")
            .ValidateOnStart();

        builder.Services.AddOptions<KestrelServerOptions>().Configure<IOptions<GatewayOptions>>((kestrel, gateway) =>
        {
            kestrel.Limits.MaxRequestBodySize = gateway.Value.MaxRequestBodySize;
            // The Server header only tells an attacker what to look up.
            kestrel.AddServerHeader = false;
        });

        // YARP honours the RequestTimeouts middleware: a proxied request past the timeout is cancelled and answered 504.
        builder.Services.AddRequestTimeouts();
        builder.Services.AddOptions<RequestTimeoutOptions>().Configure<IOptions<GatewayOptions>>((timeouts, gateway) =>
            timeouts.DefaultPolicy = new RequestTimeoutPolicy
            {
                Timeout = gateway.Value.RequestTimeout,
                TimeoutStatusCode = StatusCodes.Status504GatewayTimeout,
            });
        builder.Services.AddSingleton<IProxyConfigFilter, ActivityTimeoutFilter>();
        return builder;
    }
}

/// <summary>
/// YARP's own idle timeout for calls to a cluster defaults to 100 s, longer than the request timeout;
/// clusters that do not set <c>HttpRequest:ActivityTimeout</c> get the request timeout instead, so raising
/// <c>Gateway:RequestTimeout</c> (e.g. for slow imports) raises both.
/// </summary>
internal sealed class ActivityTimeoutFilter(IOptions<GatewayOptions> options) : IProxyConfigFilter
{
    public ValueTask<ClusterConfig> ConfigureClusterAsync(ClusterConfig cluster, CancellationToken cancel) =>
        ValueTask.FromResult(cluster.HttpRequest?.ActivityTimeout is not null
            ? cluster
            : cluster with
            {
                HttpRequest = (cluster.HttpRequest ?? ForwarderRequestConfig.Empty) with { ActivityTimeout = options.Value.RequestTimeout },
            });

    public ValueTask<RouteConfig> ConfigureRouteAsync(RouteConfig route, ClusterConfig? cluster, CancellationToken cancel) =>
        ValueTask.FromResult(route);
}
