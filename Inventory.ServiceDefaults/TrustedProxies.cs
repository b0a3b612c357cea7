using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;

namespace Inventory.ServiceDefaults;

/// <summary>
/// The peers whose X-Forwarded-* headers a process believes: <c>ForwardedHeaders:KnownProxies</c> (addresses)
/// and <c>:KnownNetworks</c> (CIDR), nothing else, and only the last hop. Web trusts the gateway this way; the
/// gateway trusts the proxy in front of it (none by default).
/// </summary>
public static class TrustedProxies
{
    public const string Section = "ForwardedHeaders";

    public static void Apply(ForwardedHeadersOptions options, IConfiguration configuration, ForwardedHeaders headers)
    {
        var section = configuration.GetSection(Section);
        var proxies = section.GetSection("KnownProxies").Get<string[]>() ?? [];
        var networks = section.GetSection("KnownNetworks").Get<string[]>() ?? [];
        // The middleware trusts every peer when both lists are empty; here empty means no proxy at all.
        options.ForwardedHeaders = proxies.Length + networks.Length == 0 ? ForwardedHeaders.None : headers;
        options.ForwardLimit = 1;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies)
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        foreach (var network in networks)
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
    }
}
