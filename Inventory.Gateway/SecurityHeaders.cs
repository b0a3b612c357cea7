using Microsoft.Net.Http.Headers;

namespace Inventory.Gateway;

/// <summary>
/// The browser-facing security headers. The gateway is the one place that sets them, so every response
/// carries the same policy whoever produced it: a proxied page or static file, an error page, a 429 from
/// the rate limiter, or the gateway's own health endpoints.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Web's pages have no inline scripts or styles, so nothing here needs 'unsafe-inline'. Bootstrap's
    /// icons are data: URIs in its CSS. form-action also names Google because browsers apply it to the
    /// redirect that follows the sign-in form's POST.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self' https://accounts.google.com";

    /// <summary>The app uses none of these browser features; denying them limits what injected content could do.</summary>
    public const string PermissionsPolicy =
        "accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), " +
        "microphone=(), midi=(), payment=(), usb=()";

    /// <summary>One year; subdomains too, so a sibling host cannot be used to strip HTTPS.</summary>
    public const string StrictTransportSecurity = "max-age=31536000; includeSubDomains";

    /// <summary>Headers that only advertise the backend's software.</summary>
    private static readonly string[] Removed = [HeaderNames.Server, HeaderNames.XPoweredBy, "X-AspNet-Version", "X-AspNetMvc-Version"];

    /// <summary>
    /// Sets the headers just before each response starts, i.e. after YARP has copied the backend's headers
    /// (so ours win over anything Web sends) and after any error handling cleared the response. Register it first.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(Apply, context);
            return next(context);
        });

    private static Task Apply(object state)
    {
        var context = (HttpContext)state;
        var headers = context.Response.Headers;

        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = PermissionsPolicy;
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
        // The legacy XSS auditor could itself be abused to leak data; "0" switches it off where it still exists.
        headers.XXSSProtection = "0";
        foreach (var name in Removed)
            headers.Remove(name);

        // Browsers ignore HSTS over HTTP. Not UseHsts(): it sets the header before the pipeline runs, so an
        // error response that clears the headers would lose it; here it is set with the rest, last.
        if (context.Request.IsHttps)
            headers.StrictTransportSecurity = StrictTransportSecurity;

        // Pages of signed-in users must not sit in shared or browser caches. Fingerprinted static files
        // arrive with their own long-lived Cache-Control from Web, which is kept.
        if (string.IsNullOrEmpty(headers.CacheControl) && IsHtml(context.Response.ContentType))
            headers.CacheControl = "no-store";

        return Task.CompletedTask;
    }

    private static bool IsHtml(string? contentType) =>
        contentType is not null && contentType.StartsWith("text/html", StringComparison.OrdinalIgnoreCase);
}
