using Inventory.ServiceDefaults;

namespace Inventory.Gateway;

/// <summary>
/// Limits on what one request may cost the gateway (and, behind it, Web). Bound from the <c>Gateway</c>
/// section of the gateway's own configuration (not the AppHost's <c>Gateway:Port</c>).
/// </summary>
public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    /// <summary>
    /// Largest request body Kestrel accepts, in bytes; larger ones get 413. 10 MB leaves room for the
    /// CSV imports to come while stopping a client from streaming unbounded bodies through to Web.
    /// </summary>
    public long MaxRequestBodySize { get; set; } = 10 * 1024 * 1024;

    /// <summary>
    /// How long a request may take end to end (504 after that), and how long the proxied call to a
    /// backend may sit idle. A slow or hung backend must not hold gateway connections indefinitely. Keep it above
    /// every budget behind the gateway (<see cref="TimeBudgets"/>), or it cuts Web off before Web can say what is unavailable.
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeBudgets.Gateway.Request;

    /// <summary>
    /// How long the gateway answers a static file of Web's from its own copy before asking Web again
    /// (<see cref="StaticFileCache"/>); zero turns the copies off.
    /// </summary>
    public TimeSpan StaticFileCacheDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Whether plain-HTTP requests are redirected to HTTPS when the gateway has an HTTPS listener (<see cref="HttpsRedirect"/>).</summary>
    public bool RedirectToHttps { get; set; } = true;
}
