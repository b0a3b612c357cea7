using Inventory.ServiceDefaults;
using Microsoft.AspNetCore.HostFiltering;

namespace Inventory.Gateway;

/// <summary>
/// Requests must name a host the app is served at: ASP.NET Core's host filtering, from the standard
/// <c>AllowedHosts</c> setting (appsettings.json: localhost, 127.0.0.1 and [::1]), answers any other Host
/// header 400 before anything else runs. So no redirect, link or OAuth callback can be built from a host an
/// attacker chose, and the X-Forwarded-Host that YARP passes to Web is always an allowed one. In Azure
/// Container Apps the gateway's own public name is allowed as well.
/// </summary>
public static class AllowedHosts
{
    public static WebApplicationBuilder AddAllowedHosts(this WebApplicationBuilder builder)
    {
        // Runs after the web host's defaults have read AllowedHosts into the options.
        if (PublicHost.InAzureContainerApps(builder.Configuration) is { } host)
            builder.Services.PostConfigure<HostFilteringOptions>(options => options.AllowedHosts = [.. options.AllowedHosts, host]);
        return builder;
    }
}
