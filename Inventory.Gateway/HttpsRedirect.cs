using Inventory.ServiceDefaults;
using Microsoft.Extensions.Options;

namespace Inventory.Gateway;

/// <summary>
/// When the gateway itself listens on HTTPS, a request over plain HTTP is redirected (307) to the same host and
/// path on its HTTPS port, so a browser never stays on HTTP and gets the HSTS header (sent only over HTTPS). With
/// no HTTPS listener there is nowhere to redirect to and requests are served as they come (behind a TLS-terminating
/// ingress, whose X-Forwarded-Proto a trusted proxy's request carries, they already count as HTTPS). The host is one
/// host filtering allowed, so the redirect cannot point elsewhere. <c>Gateway:RedirectToHttps=false</c> turns it off.
/// </summary>
public static class HttpsRedirect
{
    public static IApplicationBuilder UseHttpsRedirect(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<GatewayOptions>>().Value.RedirectToHttps)
            return app;
        // The platform's probes ask over HTTP and must get an answer, not a redirect to a certificate they may not trust.
        return app.UseWhen(context => !HealthEndpoints.IsHealthPath(context.Request.Path), branch => branch.UseHttpsRedirection());
    }
}
