using System.Net.Http.Headers;

namespace Inventory.Tests.Service.Gateway;

/// <summary>What the issue asks of every response that leaves the gateway.</summary>
public static class SecurityHeaderAssertions
{
    /// <summary>The default form-action: the app and Google's sign-in.</summary>
    public const string GoogleFormAction = "'self' https://accounts.google.com";

    /// <param name="formAction">The expected form-action sources; null accepts 'self' followed by any
    /// http(s) origins, for a gateway configured with another sign-in provider (e.g. a test's fake one).</param>
    public static void AssertSecurityHeaders(this HttpResponseMessage response, bool overHttps = false, string? formAction = GoogleFormAction)
    {
        var csp = Directives(Single(response, "Content-Security-Policy"));
        Assert.Equal("'self'", csp["default-src"]);
        Assert.Equal("'self'", csp["script-src"]);
        Assert.Equal("'self'", csp["style-src"]);
        Assert.Equal("'self' data:", csp["img-src"]);
        Assert.Equal("'none'", csp["object-src"]);
        Assert.Equal("'none'", csp["base-uri"]);
        Assert.Equal("'none'", csp["frame-ancestors"]);
        if (formAction is not null)
        {
            Assert.Equal(formAction, csp["form-action"]);
        }
        else
        {
            var sources = csp["form-action"].Split(' ');
            Assert.Equal("'self'", sources[0]);
            Assert.All(sources.Skip(1), source => Assert.Matches("^https?://[^/*;\\s]+$", source));
        }
        Assert.DoesNotContain(csp.Values, value => value.Contains("unsafe-inline") || value.Contains("unsafe-eval"));

        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Single(response, "X-Frame-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Single(response, "Referrer-Policy"));
        var permissions = Single(response, "Permissions-Policy");
        foreach (var feature in new[] { "microphone", "geolocation", "payment", "usb" })
            Assert.Contains($"{feature}=()", permissions);
        Assert.Contains("camera=(self)", permissions); // camera scanning on /scan; no other origin, no frame

        Assert.Equal("same-origin", Single(response, "Cross-Origin-Opener-Policy"));
        Assert.Equal("same-origin", Single(response, "Cross-Origin-Resource-Policy"));

        Assert.False(response.Headers.Contains("Server"), "no Server header");
        Assert.False(response.Headers.Contains("X-Powered-By"), "no X-Powered-By header");
        if (response.Headers.TryGetValues("X-XSS-Protection", out var xss))
            Assert.Equal("0", Assert.Single(xss));

        if (overHttps)
        {
            var hsts = Single(response, "Strict-Transport-Security");
            var maxAge = hsts.Split(';', StringSplitOptions.TrimEntries).Single(part => part.StartsWith("max-age=", StringComparison.Ordinal));
            Assert.True(long.Parse(maxAge["max-age=".Length..]) >= 365 * 24 * 3600, hsts);
            Assert.Contains("includeSubDomains", hsts);
        }
        else
        {
            Assert.False(response.Headers.Contains("Strict-Transport-Security"), "HSTS only over HTTPS");
        }
    }

    /// <summary>A response header's one value, wherever HttpClient filed it.</summary>
    public static string Single(HttpResponseMessage response, string name)
    {
        IEnumerable<string>? values = null;
        Assert.True(response.Headers.TryGetValues(name, out values) || response.Content.Headers.TryGetValues(name, out values),
            $"{name} is missing");
        return Assert.Single(values!);
    }

    public static string? CacheControl(this HttpResponseMessage response) =>
        response.Headers.TryGetValues("Cache-Control", out var values) ? string.Join(", ", values) : null;

    private static Dictionary<string, string> Directives(string policy) =>
        policy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(directive => directive.Split(' ', 2))
            .ToDictionary(parts => parts[0], parts => parts.Length > 1 ? parts[1] : "");
}
