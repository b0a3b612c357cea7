using System.Net;
using Inventory.Tests.Infrastructure;
using Inventory.Tests.Service.Gateway;

namespace Inventory.Tests.Web;

/// <summary>
/// No redirect names a host a request chose: the gateway refuses unknown Host headers, and Web's own
/// redirects are paths, whatever Host or X-Forwarded-Host reaches it.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class HostHeaderTests(WebAppFixture app)
{
    private static async Task<HttpResponseMessage> GetAsync(Uri address, string path, string? host = null, string? forwardedHost = null)
    {
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = address };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (host is not null)
            request.Headers.Host = host;
        if (forwardedHost is not null)
            request.Headers.Add("X-Forwarded-Host", forwardedHost);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Through_the_gateway_an_evil_host_gets_400_and_a_good_one_a_relative_sign_in_redirect()
    {
        await using var gateway = InProcessGateway.StartInFrontOf(app.WebAddress);

        var evil = await GetAsync(gateway.Address(), "/dashboard", host: "evil.example");
        var good = await GetAsync(gateway.Address(), "/dashboard", host: $"localhost:{gateway.Address().Port}", forwardedHost: "evil.example");

        Assert.Equal(HttpStatusCode.BadRequest, evil.StatusCode);
        Assert.Null(evil.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Equal("/login?ReturnUrl=%2Fdashboard", good.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("evil.example", null)]
    [InlineData(null, "evil.example")]
    public async Task Web_redirects_to_sign_in_by_path_whatever_host_it_is_told(string? host, string? forwardedHost)
    {
        var response = await GetAsync(app.WebAddress, "/dashboard", host, forwardedHost);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login?ReturnUrl=%2Fdashboard", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Google_is_given_a_callback_on_Web_not_on_a_forwarded_host_it_does_not_serve()
    {
        using var browser = new BrowserSession(app.WebAddress);
        browser.Headers.Add("X-Forwarded-Host", "evil.example");

        var toProvider = await browser.SubmitFormAsync("/login", "/login?handler=Google", new Dictionary<string, string>(), follow: false);

        var callback = Uri.UnescapeDataString(toProvider.Headers.Location!.Query);
        Assert.Contains($"redirect_uri={app.WebAddress.GetLeftPart(UriPartial.Authority)}/", callback);
        Assert.DoesNotContain("evil.example", callback);
    }

    [Fact]
    public async Task A_signed_in_user_refused_a_page_is_sent_to_access_denied_by_path()
    {
        using var viewer = await app.SignInAsync(SignIn.NewEmail("viewer"));

        var response = await viewer.GetAsync("/admin/users", follow: false);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/access-denied?", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("http://evil.example/login?ReturnUrl=%2Fdashboard", "/login?ReturnUrl=%2Fdashboard")]
    [InlineData("/login", "/login")]
    [InlineData("//evil.example/x", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("https://evil.example//evil.example/x", "/")]
    [InlineData("javascript:alert(1)", "/")]
    public void Redirects_keep_only_a_path_on_the_current_host(string uri, string path) =>
        Assert.Equal(path, Inventory.Web.Auth.RelativeRedirects.PathOf(uri));
}
