using Microsoft.Extensions.Configuration;

namespace Inventory.AppHost;

internal static class WebSignIn
{
    /// <summary>
    /// Google sign-in for Web. The client id and secret are parameters (user secrets
    /// <c>Parameters:google-client-id</c> / <c>Parameters:google-client-secret</c> in run mode; asked for by azd
    /// when publishing). Without them in run mode Web offers development sign-in instead. The AppHost's
    /// non-secret <c>Auth</c> settings (allowed domains and e-mails, admin e-mails, default role, provider
    /// endpoints) are passed to Web as they are.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithSignIn(this IResourceBuilder<ProjectResource> web)
    {
        var builder = web.ApplicationBuilder;
        var configured = !string.IsNullOrWhiteSpace(builder.Configuration["Parameters:google-client-id"]);
        if (configured || builder.ExecutionContext.IsPublishMode)
        {
            web.WithEnvironment("Auth__Google__ClientId", builder.AddParameter("google-client-id", secret: false))
                .WithEnvironment("Auth__Google__ClientSecret", builder.AddParameter("google-client-secret", secret: true));
        }

        foreach (var setting in builder.Configuration.GetSection("Auth").AsEnumerable(makePathsRelative: true))
        {
            if (setting.Value is not null && !setting.Key.Contains("Secret", StringComparison.OrdinalIgnoreCase))
                web.WithEnvironment("Auth__" + setting.Key.Replace(":", "__", StringComparison.Ordinal), setting.Value);
        }
        return web;
    }
}
