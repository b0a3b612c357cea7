using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Inventory.Web.Extensions;

/// <summary>
/// Web sits behind the gateway, which sets X-Forwarded-For/Proto/Host. They are honoured only when the
/// connection comes from a configured proxy address or network (ForwardedHeaders:KnownProxies and
/// :KnownNetworks; loopback by default), and only the last hop is read, so a client cannot
/// smuggle its own values past the gateway.
/// </summary>
internal static class ForwardedHeadersExtensions
{
    public static void AddGatewayForwardedHeaders(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("ForwardedHeaders");
        var proxies = section.GetSection("KnownProxies").Get<string[]>() ?? [];
        var networks = section.GetSection("KnownNetworks").Get<string[]>() ?? [];
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            options.ForwardLimit = 1;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var network in networks)
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
    }

    public static void UseGatewayForwardedHeaders(this WebApplication app) => app.UseForwardedHeaders();
}
