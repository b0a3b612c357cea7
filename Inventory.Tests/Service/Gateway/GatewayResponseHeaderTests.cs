using System.Net;
using Microsoft.Extensions.Options;

namespace Inventory.Tests.Service.Gateway;

/// <summary>Headers the gateway puts on responses of a backend that sends the wrong ones.</summary>
public sealed class GatewayResponseHeaderTests
{
    [Fact]
    public async Task Backend_software_headers_are_removed_and_its_frame_options_overridden()
    {
        await using var gateway = await InProcessGateway.StartAsync();

        var response = await gateway.CreateClient().GetAsync("/page");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        response.AssertSecurityHeaders(); // no Server, no X-Powered-By, X-Frame-Options DENY (the backend says SAMEORIGIN)
    }

    [Fact]
    public async Task Html_without_cache_control_is_not_stored_and_a_backend_cache_control_is_kept()
    {
        await using var gateway = await InProcessGateway.StartAsync();
        var client = gateway.CreateClient();

        var page = await client.GetAsync("/page");
        var css = await client.GetAsync(TestBackend.CachedCssPath);

        Assert.Equal("no-store", page.CacheControl());
        Assert.Equal("public, " + TestBackend.ImmutableCacheControl, css.CacheControl()); // public, max-age=31536000, immutable
        css.AssertSecurityHeaders();
    }

    [Fact]
    public async Task Hsts_is_sent_over_https()
    {
        using var certificate = TestCertificates.SelfSignedLoopback();
        await using var gateway = await InProcessGateway.StartAsync(httpsCertificate: certificate);
        using var client = gateway.CreateHttpsClient();

        var overHttps = await client.GetAsync("/page");
        var overHttp = await gateway.CreateClient().GetAsync("/page"); // redirected to HTTPS: HttpsRedirectTests

        overHttps.AssertSecurityHeaders(overHttps: true);
        overHttp.AssertSecurityHeaders(overHttps: false);
    }

    [Fact]
    public async Task Form_action_names_the_configured_sign_in_origins_instead_of_google()
    {
        await using var gateway = await InProcessGateway.StartAsync(new()
        {
            ["SecurityHeaders:FormActionOrigins:0"] = "http://127.0.0.1:5999",
            ["SecurityHeaders:FormActionOrigins:1"] = "https://login.example.com/",
        });

        var response = await gateway.CreateClient().GetAsync("/page");

        var policy = SecurityHeaderAssertions.Single(response, "Content-Security-Policy");
        Assert.EndsWith("; form-action 'self' http://127.0.0.1:5999 https://login.example.com", policy);
    }

    [Theory]
    [InlineData("https://accounts.google.com; script-src *")]
    [InlineData("https://accounts.google.com/o/oauth2")]
    [InlineData("javascript:alert(1)")]
    [InlineData("*")]
    public async Task Form_action_origin_that_is_not_an_origin_stops_the_gateway_from_starting(string origin)
    {
        var start = InProcessGateway.StartAsync(new() { ["SecurityHeaders:FormActionOrigins:0"] = origin });

        await Assert.ThrowsAsync<OptionsValidationException>(() => start);
    }
}
