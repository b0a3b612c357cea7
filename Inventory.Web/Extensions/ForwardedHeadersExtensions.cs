using Inventory.ServiceDefaults;
using Microsoft.AspNetCore.HttpOverrides;

namespace Inventory.Web.Extensions;

/// <summary>
/// Web sits behind the gateway, which sets X-Forwarded-For/Proto/Host. They are honoured only when the
/// connection comes from a configured proxy (<see cref="TrustedProxies"/>: loopback by default), and only the
/// last hop is read, so a client cannot smuggle its own values past the gateway. X-Forwarded-Host is taken
/// only when it names a host in ForwardedHeaders:AllowedHosts (plus the gateway's public name in Azure
/// Container Apps): an address that may pass forwarded headers still cannot make Web build URLs on a host an
/// attacker chose.
/// </summary>
internal static class ForwardedHeadersExtensions
{
    public static void AddGatewayForwardedHeaders(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        string[] hosts = [.. configuration.GetSection($"{TrustedProxies.Section}:AllowedHosts").Get<string[]>() ?? [], .. PublicHostList(configuration)];
        if (hosts.Length == 0)
            throw new InvalidOperationException("ForwardedHeaders:AllowedHosts is empty: list the host names the gateway serves (see docs/security.md).");
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            TrustedProxies.Apply(options, configuration,
                ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost);
            options.AllowedHosts = hosts;
        });
    }

    private static string[] PublicHostList(IConfiguration configuration) =>
        PublicHost.InAzureContainerApps(configuration) is { } host ? [host] : [];

    public static void UseGatewayForwardedHeaders(this WebApplication app) => app.UseForwardedHeaders();
}
