using Inventory.ServiceDefaults;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Inventory.Gateway;

/// <summary>
/// The gateway keeps a copy of each of Web's static files (<see cref="WebStaticFiles"/>: the same for every caller) for
/// <c>Gateway:StaticFileCacheDuration</c> (60 s) and answers from it, so a page's stylesheets and scripts cost Web
/// nothing and the gateway no call: a proxied static file cost Web 120–260 µs and the gateway ~120 µs of CPU, an answer
/// from the copy a fraction of that (docs/benchmarks.md, "Static files from the gateway's copy"). ASP.NET Core's output
/// cache, in memory, at most 16 MiB (Web's wwwroot is ~1.2 MB). Only a 200 without cookies is kept; conditional requests
/// get their 304 from the copy (its ETag is Web's). Everything outside the copy is as before: the request line, the
/// rate limits, the security headers and compression run for every answer. Each gateway replica keeps its own copies;
/// after a deploy of Web an unversioned file (favicon.svg) may be the old one for up to the duration, the fingerprinted
/// ones (<c>site.{hash}.css</c>) never are.
/// </summary>
public static class StaticFileCache
{
    public static WebApplicationBuilder AddStaticFileCache(this WebApplicationBuilder builder)
    {
        builder.Services.AddOutputCache(options =>
        {
            options.SizeLimit = 16L << 20;
            options.MaximumBodySize = 2L << 20;
        });
        builder.Services.AddOptions<OutputCacheOptions>().Configure<IOptions<GatewayOptions>>((cache, gateway) =>
        {
            if (gateway.Value.StaticFileCacheDuration > TimeSpan.Zero)
                cache.AddBasePolicy(new StaticFilesPolicy(gateway.Value.StaticFileCacheDuration));
        });
        return builder;
    }

    /// <summary>Inside the rate limiter and the request timeout, so a copy is counted and logged like any answer.</summary>
    public static WebApplication UseStaticFileCache(this WebApplication app)
    {
        app.UseOutputCache();
        return app;
    }

    private sealed class StaticFilesPolicy(TimeSpan duration) : IOutputCachePolicy
    {
        ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var request = context.HttpContext.Request;
            var cached = WebStaticFiles.IsStaticFile(request.Path) && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method));
            context.EnableOutputCaching = cached;
            context.AllowCacheLookup = cached;
            context.AllowCacheStorage = cached;
            // One request per file goes to Web when many ask at once for a file not yet copied.
            context.AllowLocking = true;
            context.ResponseExpirationTimeSpan = duration;
            context.CacheVaryByRules.QueryKeys = "*";
            return ValueTask.CompletedTask;
        }

        ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) =>
            ValueTask.CompletedTask;

        ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var response = context.HttpContext.Response;
            var cacheControl = response.Headers.CacheControl.ToString();
            if (response.StatusCode != StatusCodes.Status200OK || !StringValues.IsNullOrEmpty(response.Headers.SetCookie)
                || cacheControl.Contains("no-store", StringComparison.OrdinalIgnoreCase)
                || cacheControl.Contains("private", StringComparison.OrdinalIgnoreCase))
                context.AllowCacheStorage = false;
            return ValueTask.CompletedTask;
        }
    }
}
