using System.IO.Compression;
using System.Net;
using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.Web;

/// <summary>Through the real gateway in front of the real web: text is compressed as the browser asks, and only then.</summary>
[Collection(BrowserAppCollection.Name)]
public sealed class GatewayCompressionTests(BrowserAppFixture fixture)
{
    [Theory]
    [InlineData("/lib/bootstrap/bootstrap.min.css", "br")]
    [InlineData("/lib/bootstrap/bootstrap.min.css", "gzip")]
    [InlineData("/login", "br")]
    [InlineData("/login", "gzip")]
    public async Task Text_comes_back_compressed_as_asked_and_decompresses_to_the_same_content(string path, string encoding)
    {
        using var client = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = fixture.Address };
        var plain = await GetAsync(client, path, null);

        using var compressed = await SendAsync(client, path, encoding);
        var bytes = await compressed.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, compressed.StatusCode);
        Assert.Equal([encoding], compressed.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", compressed.Headers.Vary);
        Assert.True(bytes.Length < plain.Length * 2 / 3, $"{bytes.Length} compressed bytes of {plain.Length}"); // a small page gains less
        var text = Decompress(bytes, encoding);
        Assert.Equal(Skeleton(plain), Skeleton(text)); // a page's anti-forgery token differs per response; the rest is the same
    }

    [Theory]
    [InlineData("/lib/bootstrap/bootstrap.min.css")]
    [InlineData("/login")]
    public async Task Without_accept_encoding_nothing_is_compressed(string path)
    {
        using var client = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = fixture.Address };

        using var response = await SendAsync(client, path, null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Contains(path.EndsWith(".css", StringComparison.Ordinal) ? "bootstrap" : "<html", await response.Content.ReadAsStringAsync(),
            StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string path, string? encoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (encoding is not null)
            request.Headers.TryAddWithoutValidation("Accept-Encoding", encoding);
        return await client.SendAsync(request);
    }

    private static async Task<string> GetAsync(HttpClient client, string path, string? encoding)
    {
        using var response = await SendAsync(client, path, encoding);
        return await response.Content.ReadAsStringAsync();
    }

    private static string Decompress(byte[] bytes, string encoding)
    {
        using var input = new MemoryStream(bytes);
        using Stream decoder = encoding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var reader = new StreamReader(decoder);
        return reader.ReadToEnd();
    }

    private static string Skeleton(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text, "name=\"__RequestVerificationToken\"[^>]*value=\"[^\"]*\"", "token");
}
