using Inventory.ServiceDefaults.Preflight;

namespace Inventory.Gateway.Preflight;

/// <summary>
/// HTTPS at the gateway, one of two ways (docs/security.md, "HTTPS"): its own HTTPS listener (an https URL in
/// <c>ASPNETCORE_URLS</c>/<c>Kestrel:Endpoints</c>, or <c>HTTPS_PORTS</c>) with a certificate, redirecting plain HTTP
/// (<see cref="HttpsRedirect"/>); or a TLS-terminating proxy in front that the gateway trusts
/// (<c>ForwardedHeaders:KnownProxies</c>/<c>:KnownNetworks</c>), whose X-Forwarded-Proto makes requests HTTPS, so HSTS is sent.
/// </summary>
internal static class HttpsRules
{
    public const string Listener = "Kestrel:Endpoints:Https:Url";
    public const string Certificate = "Kestrel:Certificates:Default:Path";
    private const string RedirectToHttps = $"{GatewayOptions.Section}:{nameof(GatewayOptions.RedirectToHttps)}";

    public static IEnumerable<PreflightRule> All { get; } =
    [
        new(Listener, context => HasListener(context) || ProxyRules.AnyTrusted(context)
            ? null
            : $"{SettingRules.Missing}: no HTTPS listener (ASPNETCORE_URLS=https://…, HTTPS_PORTS) and no TLS-terminating proxy trusted " +
              $"({ProxyRules.KnownProxies}/{ProxyRules.KnownNetworks}): the app would be served without HTTPS or HSTS"),
        new(Certificate, context =>
        {
            if (!HasListener(context))
                return null;
            if (CertificatePaths(context).FirstOrDefault(path => !File.Exists(context.FullPath(path))) is not null)
                return "no such file";
            return CertificatePaths(context).Any() || context.HasAny("Kestrel:Certificates:Default:Subject")
                ? null
                : $"{SettingRules.Missing}: the HTTPS listener has no certificate (a .pfx, with Kestrel:Certificates:Default:Password)";
        }),
        new(RedirectToHttps, context => HasListener(context) && context.Value(RedirectToHttps) is { } value &&
            bool.TryParse(value, out var redirect) && !redirect
            ? "false: plain-HTTP requests are served instead of redirected to HTTPS"
            : null),
    ];

    public static bool HasListener(PreflightContext context) =>
        (context.Value("urls") ?? "").Contains("https://", StringComparison.OrdinalIgnoreCase)
        || context.Value("https_ports") is not null
        || context.Configuration.GetSection("Kestrel:Endpoints").GetChildren()
            .Any(endpoint => endpoint["Url"]?.StartsWith("https://", StringComparison.OrdinalIgnoreCase) == true);

    private static IEnumerable<string> CertificatePaths(PreflightContext context) =>
        new[] { context.Value(Certificate) }
            .Concat(context.Configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(endpoint => endpoint["Certificate:Path"]))
            .OfType<string>().Where(path => !string.IsNullOrWhiteSpace(path));
}
