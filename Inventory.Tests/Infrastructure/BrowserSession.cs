using System.Net;
using System.Text.RegularExpressions;

namespace Inventory.Tests.Infrastructure;

/// <summary>
/// A cookie-keeping HTTP client that follows redirects itself (across hosts, as a browser does) and keeps
/// Secure cookies on plain-HTTP loopback, as browsers do for localhost. Enough to sign in without a browser.
/// </summary>
public sealed partial class BrowserSession(Uri baseAddress) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
    private readonly Dictionary<string, string> _cookies = new();

    /// <summary>Every Set-Cookie header received, for asserting cookie attributes.</summary>
    public List<string> SetCookieHeaders { get; } = [];

    public Uri BaseAddress => baseAddress;

    /// <summary>Headers sent with every request, e.g. one a hostile client would add.</summary>
    public System.Net.Http.Headers.HttpRequestHeaders Headers => _http.DefaultRequestHeaders;

    public bool HasCookie(string name) => _cookies.ContainsKey(name);

    /// <summary>The Cookie header this client sends, for another client (e.g. a grader) to browse as the same person.</summary>
    public string CookieHeader => string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}"));

    /// <summary>
    /// Another client holding a copy of this one's cookies, as a thief who copied them would — of the same app, or of
    /// another replica at <paramref name="to"/>.
    /// </summary>
    public BrowserSession CopyCookies(Uri? to = null)
    {
        var copy = new BrowserSession(to ?? baseAddress);
        foreach (var (name, value) in _cookies)
            copy._cookies[name] = value;
        return copy;
    }

    public Task<HttpResponseMessage> GetAsync(string url, bool follow = true) => SendAsync(HttpMethod.Get, url, null, follow);

    public Task<HttpResponseMessage> PostFormAsync(string url, IDictionary<string, string> form, bool follow = true) =>
        SendAsync(HttpMethod.Post, url, new FormUrlEncodedContent(form), follow);

    /// <summary>Posts a form of the page at <paramref name="pageUrl"/> with its anti-forgery token.</summary>
    public async Task<HttpResponseMessage> SubmitFormAsync(string pageUrl, string action, IDictionary<string, string> fields, bool follow = true)
    {
        var page = await (await GetAsync(pageUrl)).Content.ReadAsStringAsync();
        return await SubmitLoadedFormAsync(page, action, fields, follow);
    }

    /// <summary>Posts a form of <paramref name="page"/> (HTML already loaded) with its anti-forgery token.</summary>
    public Task<HttpResponseMessage> SubmitLoadedFormAsync(string page, string action, IDictionary<string, string> fields, bool follow = true) =>
        PostFormAsync(action, new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = AntiforgeryTokenOf(page) }, follow);

    /// <summary>The anti-forgery token a page's forms carry.</summary>
    public static string AntiforgeryTokenOf(string page) => AntiforgeryToken().Match(page).Groups[1].Value;

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, HttpContent? content, bool follow)
    {
        var uri = new Uri(baseAddress, url);
        for (var hops = 0; ; hops++)
        {
            using var request = new HttpRequestMessage(method, uri) { Content = content };
            if (_cookies.Count > 0 && uri.IsLoopback)
                request.Headers.Add("Cookie", CookieHeader);
            var response = await _http.SendAsync(request);
            Remember(response);
            if (!follow || response.Headers.Location is null || (int)response.StatusCode is < 300 or >= 400 || hops > 10)
                return response;
            uri = new Uri(uri, response.Headers.Location);
            method = HttpMethod.Get;
            content = null;
        }
    }

    private void Remember(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var values))
            return;
        foreach (var header in values)
        {
            SetCookieHeaders.Add(header);
            var pair = header.Split(';')[0].Split('=', 2);
            var expired = header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase);
            if (expired || pair[1].Length == 0)
                _cookies.Remove(pair[0]);
            else
                _cookies[pair[0]] = pair[1];
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    public void Dispose() => _http.Dispose();
}
