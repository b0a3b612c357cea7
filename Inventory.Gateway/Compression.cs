using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace Inventory.Gateway;

/// <summary>
/// Brotli or gzip (as the browser asks, Brotli first) for the text the app sends: pages, CSS, scripts, JSON, SVG — the
/// 233 KB Bootstrap stylesheet travels as ~30 KB. The fastest levels, because this box has two cores to share.
/// Over HTTPS too. BREACH needs a secret repeated in every response next to text the attacker injects; the pages' one
/// secret, the anti-forgery request token, is a fresh encryption in each response (ASP.NET's data protection), so
/// there is nothing stable to guess byte by byte, and the session cookie travels in headers, which are not compressed.
/// The web is asked for uncompressed responses (Proxy.cs removes Accept-Encoding), so every encoding is made here.
/// </summary>
public static class Compression
{
    public static readonly string[] MimeTypes =
        ["text/html", "text/css", "text/plain", "text/csv", "application/javascript", "text/javascript", "application/json",
         "application/problem+json", "image/svg+xml"];

    public static WebApplicationBuilder AddGatewayCompression(this WebApplicationBuilder builder)
    {
        builder.Services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = MimeTypes;
        });
        builder.Services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        builder.Services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return builder;
    }
}
