using System.Net;
using System.Text.RegularExpressions;

namespace Inventory.Benchmarks.Suite;

/// <summary>
/// Signs a Manager in through Web's development sign-in (Development environment, no Google configured — as
/// <c>dotnet run --project Inventory.AppHost</c> runs it) and prints the Cookie header a browser would then send.
/// <code>signin --url http://127.0.0.1:GATEWAY [--email bench@example.com]</code>
/// </summary>
public static partial class WebSignIn
{
    public static async Task<int> RunAsync(SuiteOptions options)
    {
        var baseUrl = new Uri(options.Text("url"));
        var email = options.TextOrNull("email") ?? "bench-manager@example.com";
        using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = baseUrl };
        var cookies = new Dictionary<string, string>(StringComparer.Ordinal);

        using var form = await client.GetAsync("/login");
        Collect(form, cookies);
        var html = await form.Content.ReadAsStringAsync();
        var token = AntiforgeryToken().Match(html);
        if (!form.IsSuccessStatusCode || !token.Success)
            throw new InvalidOperationException($"GET /login: {(int)form.StatusCode}, no development sign-in form (is Web in Development, without Google?)");

        using var post = new HttpRequestMessage(HttpMethod.Post, "/login?handler=Dev")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Dev.Email"] = email, ["Dev.Role"] = "Manager", ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            }),
        };
        post.Headers.Add("Cookie", Header(cookies));
        using var signedIn = await client.SendAsync(post);
        Collect(signedIn, cookies);
        if (signedIn.StatusCode != HttpStatusCode.Redirect && signedIn.StatusCode != HttpStatusCode.Found)
            throw new InvalidOperationException($"POST /login?handler=Dev answered {(int)signedIn.StatusCode}, not a redirect.");
        Console.WriteLine(Header(cookies));
        return 0;
    }

    private static void Collect(HttpResponseMessage response, Dictionary<string, string> cookies)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var values))
            return;
        foreach (var value in values)
        {
            var pair = value.Split(';', 2)[0];
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
                cookies[pair[..equals]] = pair[(equals + 1)..];
        }
    }

    private static string Header(Dictionary<string, string> cookies) => string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}"));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
