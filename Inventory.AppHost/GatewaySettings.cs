using Microsoft.Extensions.Configuration;

namespace Inventory.AppHost;

internal static class GatewaySettings
{
    private const string GoogleOrigin = "https://accounts.google.com";

    /// <summary>
    /// Passes the AppHost's <c>RateLimiting</c>, <c>Gateway</c> and <c>SecurityHeaders</c> settings to the
    /// gateway, and lets the sign-in form redirect to the configured OAuth provider (the CSP's form-action):
    /// Google, or the provider whose authorization endpoint <c>Auth:Google:AuthorizationEndpoint</c> names.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithGatewaySettings(this IResourceBuilder<ProjectResource> gateway)
    {
        var configuration = gateway.ApplicationBuilder.Configuration;
        foreach (var section in new[] { "RateLimiting", "SecurityHeaders" })
        {
            foreach (var setting in configuration.GetSection(section).AsEnumerable(makePathsRelative: true))
            {
                if (setting.Value is not null)
                    gateway.WithEnvironment($"{section}__{setting.Key.Replace(":", "__", StringComparison.Ordinal)}", setting.Value);
            }
        }
        foreach (var setting in new[] { "MaxRequestBodySize", "RequestTimeout", "RedirectToHttps", "StaticFileCacheDuration" })
        {
            if (configuration[$"Gateway:{setting}"] is { } value)
                gateway.WithEnvironment($"Gateway__{setting}", value);
        }

        if (configuration["SecurityHeaders:FormActionOrigins:0"] is null &&
            Uri.TryCreate(configuration["Auth:Google:AuthorizationEndpoint"], UriKind.Absolute, out var provider))
        {
            gateway.WithEnvironment("SecurityHeaders__FormActionOrigins__0", GoogleOrigin)
                .WithEnvironment("SecurityHeaders__FormActionOrigins__1", provider.GetLeftPart(UriPartial.Authority));
        }
        return gateway;
    }
}
