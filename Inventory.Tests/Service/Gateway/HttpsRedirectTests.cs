using System.Net;
using Inventory.ServiceDefaults;

namespace Inventory.Tests.Service.Gateway;

/// <summary>With an HTTPS listener the gateway sends plain-HTTP requests to HTTPS, except the health probes.</summary>
public sealed class HttpsRedirectTests
{
    [Fact]
    public async Task Http_is_redirected_to_the_same_path_over_https_with_the_security_headers()
    {
        using var certificate = TestCertificates.SelfSignedLoopback();
        await using var gateway = await InProcessGateway.StartAsync(httpsCertificate: certificate);
        using var http = gateway.CreateClient();
        using var https = gateway.CreateHttpsClient();

        var redirected = await http.GetAsync("/items?page=2");
        var served = await https.GetAsync(redirected.Headers.Location);

        Assert.Equal(HttpStatusCode.TemporaryRedirect, redirected.StatusCode);
        Assert.Equal(new Uri(gateway.Address("https"), "/items?page=2"), redirected.Headers.Location);
        redirected.AssertSecurityHeaders(overHttps: false);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        served.AssertSecurityHeaders(overHttps: true);
    }

    [Fact]
    public async Task Health_probes_over_http_are_answered_not_redirected()
    {
        using var certificate = TestCertificates.SelfSignedLoopback();
        await using var gateway = await InProcessGateway.StartAsync(httpsCertificate: certificate);
        using var http = gateway.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(HealthEndpoints.AlivePath)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(HealthEndpoints.HealthPath)).StatusCode);
    }

    [Fact]
    public async Task The_redirect_can_be_turned_off_and_a_gateway_without_https_serves_http()
    {
        using var certificate = TestCertificates.SelfSignedLoopback();
        await using var optedOut = await InProcessGateway.StartAsync(new() { ["Gateway:RedirectToHttps"] = "false" }, certificate);
        await using var httpOnly = await InProcessGateway.StartAsync();

        Assert.Equal(HttpStatusCode.OK, (await optedOut.CreateClient().GetAsync("/page")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await httpOnly.CreateClient().GetAsync("/page")).StatusCode);
    }
}
