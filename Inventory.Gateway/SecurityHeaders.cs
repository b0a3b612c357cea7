using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Inventory.Gateway;

/// <summary>Bound from the <c>SecurityHeaders</c> section.</summary>
public sealed class SecurityHeadersOptions
{
    public const string Section = "SecurityHeaders";
    public static readonly string[] DefaultFormActionOrigins = ["https://accounts.google.com"];

    /// <summary>
    /// Origins besides the app's own that a form may lead to: browsers apply CSP form-action to the redirect
    /// that follows a form's POST, and the sign-in form's POST redirects to the OAuth provider. Unset means
    /// Google; setting it replaces that default (a list of origins such as <c>https://login.example.com</c>).
    /// </summary>
    public string[]? FormActionOrigins { get; set; }

    public IReadOnlyList<string> EffectiveFormActionOrigins =>
        FormActionOrigins is { Length: > 0 } origins ? origins : DefaultFormActionOrigins;

    /// <summary>An origin and nothing more, so no value can add a directive to the policy.</summary>
    internal static bool IsOrigin(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && string.Equals(value.TrimEnd('/'), uri.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// The browser-facing security headers. The gateway is the one place that sets them, so every response
/// carries the same policy whoever produced it: a proxied page or static file, an error page, a 429 from
/// the rate limiter, or the gateway's own health endpoints.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// The app uses none of these browser features but the camera, and that only on its own pages (the /scan page's
    /// "Scan with camera"); denying the rest limits what injected content could do.
    /// </summary>
    public const string PermissionsPolicy =
        "accelerometer=(), camera=(self), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), " +
        "microphone=(), midi=(), payment=(), usb=()";

    /// <summary>One year; subdomains too, so a sibling host cannot be used to strip HTTPS.</summary>
    public const string StrictTransportSecurity = "max-age=31536000; includeSubDomains";

    /// <summary>Headers that only advertise the backend's software.</summary>
    private static readonly string[] Removed = [HeaderNames.Server, HeaderNames.XPoweredBy, "X-AspNet-Version", "X-AspNetMvc-Version"];

    /// <summary>
    /// Web's pages have no inline scripts or styles, so nothing here needs 'unsafe-inline'. Bootstrap's
    /// icons are data: URIs in its CSS.
    /// </summary>
    public static string ContentSecurityPolicy(SecurityHeadersOptions options) =>
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; " +
        $"form-action 'self' {string.Join(' ', options.EffectiveFormActionOrigins.Select(origin => origin.TrimEnd('/')))}";

    public static WebApplicationBuilder AddSecurityHeaders(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SecurityHeadersOptions>()
            .BindConfiguration(SecurityHeadersOptions.Section)
            .Validate(o => o.EffectiveFormActionOrigins.All(SecurityHeadersOptions.IsOrigin),
                $"{SecurityHeadersOptions.Section}:FormActionOrigins must be http(s) origins, e.g. https://accounts.google.com.")
            .ValidateOnStart();
        return builder;
    }

    /// <summary>
    /// Sets the headers just before each response starts, i.e. after YARP has copied the backend's headers
    /// (so ours win over anything Web sends) and after any error handling cleared the response. Register it first.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var writer = new Writer(ContentSecurityPolicy(app.ApplicationServices.GetRequiredService<IOptions<SecurityHeadersOptions>>().Value));
        return app.Use((context, next) =>
        {
            context.Response.OnStarting(writer.Apply, context);
            return next(context);
        });
    }

    private sealed class Writer(string contentSecurityPolicy)
    {
        public readonly Func<object, Task> Apply = state =>
        {
            var context = (HttpContext)state;
            var headers = context.Response.Headers;

            headers.ContentSecurityPolicy = contentSecurityPolicy;
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

            // Pages of signed-in users must not sit in shared or browser caches. Static files arrive with their
            // own Cache-Control from Web (long-lived and immutable when fingerprinted), which is kept.
            if (string.IsNullOrEmpty(headers.CacheControl) && IsHtml(context.Response.ContentType))
                headers.CacheControl = "no-store";
            // Fingerprinted files never change under their name: let shared caches (CDNs) keep them too.
            else if (IsImmutableWithoutScope(headers.CacheControl))
                headers.CacheControl = "public, " + headers.CacheControl;

            return Task.CompletedTask;
        };
    }

    private static bool IsImmutableWithoutScope(string? cacheControl) =>
        cacheControl is not null && cacheControl.Contains("immutable", StringComparison.OrdinalIgnoreCase) &&
        !cacheControl.Contains("public", StringComparison.OrdinalIgnoreCase) && !cacheControl.Contains("private", StringComparison.OrdinalIgnoreCase);

    private static bool IsHtml(string? contentType) =>
        contentType is not null && contentType.StartsWith("text/html", StringComparison.OrdinalIgnoreCase);
}
