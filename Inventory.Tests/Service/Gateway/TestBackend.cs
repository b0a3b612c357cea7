using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Inventory.Tests.Service.Gateway;

/// <summary>
/// A stand-in for Web behind an in-process gateway: a real Kestrel on a free loopback port, answering
/// every path. It sends what a careless backend might (Server, X-Powered-By, its own X-Frame-Options).
/// </summary>
public sealed class TestBackend : IAsyncDisposable
{
    public const string CachedCssPath = "/static/site.abc123.css";
    /// <summary>What MapStaticAssets sends for a fingerprinted file outside Development.</summary>
    public const string ImmutableCacheControl = "max-age=31536000, immutable";
    public const string SlowPath = "/slow";
    /// <summary>A static file's path whose answer sets a cookie.</summary>
    public const string CookieCssPath = "/css/with-cookie.css";
    /// <summary>A static file's path that Web does not have: 404.</summary>
    public const string MissingScriptPath = "/js/missing.js";
    /// <summary>A static file's path answered with <see cref="TaggedScriptETag"/>.</summary>
    public const string TaggedScriptPath = "/lib/tagged.js";
    public const string TaggedScriptETag = "\"v1\"";

    private readonly ConcurrentDictionary<string, int> _requests;

    private readonly WebApplication _app;

    private TestBackend(WebApplication app, Uri address, ConcurrentDictionary<string, int> requests)
    {
        _requests = requests;
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>How many requests for <paramref name="pathAndQuery"/> reached this backend.</summary>
    public int RequestsFor(string pathAndQuery) => _requests.GetValueOrDefault(pathAndQuery);

    public static async Task<TestBackend> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var requests = new ConcurrentDictionary<string, int>();

        app.Use((context, next) =>
        {
            requests.AddOrUpdate(context.Request.Path + context.Request.QueryString, 1, (_, n) => n + 1);
            context.Response.Headers["X-Powered-By"] = "ASP.NET";
            context.Response.Headers.XFrameOptions = "SAMEORIGIN";
            return next(context);
        });
        app.MapGet(CachedCssPath, (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = ImmutableCacheControl;
            return Results.Text("body { color: black; }", "text/css");
        });
        app.MapGet(CookieCssPath, (HttpContext context) =>
        {
            context.Response.Cookies.Append("seen", Guid.NewGuid().ToString("N"));
            return Results.Text("body { color: red; }", "text/css");
        });
        app.MapGet(MissingScriptPath, () => Results.NotFound());
        app.MapGet(TaggedScriptPath, (HttpContext context) =>
        {
            context.Response.Headers.ETag = TaggedScriptETag;
            return Results.Text("console.log('tagged');", "text/javascript");
        });
        // Web's static folders: a stylesheet or script whose text names its path (GET and HEAD, as MapStaticAssets answers).
        foreach (var (folder, type) in new[] { ("/css", "text/css"), ("/js", "text/javascript"), ("/lib", "text/javascript") })
            app.MapMethods(folder + "/{**file}", [HttpMethods.Get, HttpMethods.Head],
                (HttpContext context) => Results.Text($"/* {context.Request.Path} */", type));
        // Never answers on its own: only the gateway's timeout ends it.
        app.MapGet(SlowPath, async (CancellationToken aborted) =>
        {
            await Task.Delay(Timeout.Infinite, aborted);
            return Results.Ok();
        });
        app.MapMethods("/{**path}", [HttpMethods.Get, HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete],
            async (HttpContext context) =>
            {
                // Read the whole body, as Web would, so the gateway's body limit is exercised.
                await context.Request.Body.CopyToAsync(Stream.Null);
                return Results.Content("<!DOCTYPE html><title>Backend</title><p>ok</p>", "text/html; charset=utf-8");
            });

        await app.StartAsync();
        var address = app.Urls.Single(); // the port Kestrel picked
        return new TestBackend(app, new Uri(address), requests);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
