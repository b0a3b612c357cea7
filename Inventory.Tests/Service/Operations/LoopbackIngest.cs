using System.Collections.Concurrent;
using System.IO.Compression;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Inventory.Tests.Service.Operations;

/// <summary>
/// A stand-in for a telemetry service's ingest on a loopback port (Sentry's envelope endpoint, an OTLP/HTTP
/// collector): it answers every POST 200 and keeps what it received, bodies decompressed.
/// </summary>
public sealed class LoopbackIngest : IAsyncDisposable
{
    public sealed record Post(string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body);

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Post> _posts = new();

    private LoopbackIngest(WebApplication app) => _app = app;

    /// <summary>The ingest's address, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri Address => new(_app.Urls.First());

    public IReadOnlyCollection<Post> Posts => _posts;

    public static async Task<LoopbackIngest> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var ingest = new LoopbackIngest(app);
        app.MapPost("/{**path}", (Func<HttpContext, Task<IResult>>)ingest.ReceiveAsync);
        await app.StartAsync();
        return ingest;
    }

    private async Task<IResult> ReceiveAsync(HttpContext context)
    {
        var body = context.Request.Headers.ContentEncoding == "gzip"
            ? new GZipStream(context.Request.Body, CompressionMode.Decompress)
            : context.Request.Body;
        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer);
        _posts.Enqueue(new Post(context.Request.Path, context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), buffer.ToArray()));
        return Results.Json(new { id = Guid.NewGuid().ToString("N") });
    }

    /// <summary>Waits (at most <paramref name="within"/>) for a POST that <paramref name="matches"/>.</summary>
    public async Task<Post> WaitForAsync(Func<Post, bool> matches, TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        while (true)
        {
            if (_posts.FirstOrDefault(matches) is { } post)
                return post;
            try
            {
                await Task.Delay(50, timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No matching POST within {within}; received: {string.Join(", ", _posts.Select(p => p.Path))}");
            }
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
