using Microsoft.Extensions.Configuration;

namespace Inventory.ServiceDefaults;

/// <summary>
/// The host name browsers use for the app, where the platform tells us. In Azure Container Apps every
/// container gets <c>CONTAINER_APP_ENV_DNS_SUFFIX</c>, and the gateway's public name is
/// <c>gateway.&lt;suffix&gt;</c>; a custom domain has to be configured (docs/security.md, "Allowed hosts").
/// </summary>
public static class PublicHost
{
    public static string? InAzureContainerApps(IConfiguration configuration) =>
        configuration["CONTAINER_APP_ENV_DNS_SUFFIX"] is { Length: > 0 } suffix ? $"{ResourceNames.Gateway}.{suffix}" : null;
}
