using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Inventory.ServiceDefaults;

namespace Inventory.Tests.EndToEnd;

/// <summary>
/// How the AppHost gives the gateway HTTPS (the app model only; nothing is started). The HTTPS behaviour itself —
/// redirect, HSTS, the Observatory's grade — is tested on an in-process gateway (HttpsRedirectTests, ObservatoryGradeTests).
/// </summary>
public sealed class GatewayHttpsModelTests
{
    private static Task<IDistributedApplicationTestingBuilder> AppHostAsync(params string[] args) => AppHostModel.BuildAsync(args);

    private static List<EndpointAnnotation> GatewayEndpoints(IDistributedApplicationTestingBuilder builder) =>
        [.. builder.Resources.Single(r => r.Name == ResourceNames.Gateway).Annotations.OfType<EndpointAnnotation>()];

    [Fact]
    public async Task Https_port_and_certificate_give_the_gateway_an_https_endpoint_beside_http()
    {
        await using var builder = await AppHostAsync("--Gateway:HttpsPort=8443", "--Gateway:Certificate:Path=/certs/gateway.pfx");

        var endpoints = GatewayEndpoints(builder);
        var https = Assert.Single(endpoints, e => e.Name == "https");
        Assert.Equal("https", https.UriScheme);
        Assert.Equal(8443, https.Port);
        Assert.True(https.IsExternal);
        Assert.Contains(endpoints, e => e.Name == "http");
    }

    [Fact]
    public async Task Without_an_https_port_the_gateway_is_http_only()
    {
        await using var builder = await AppHostAsync();

        Assert.DoesNotContain(GatewayEndpoints(builder), e => e.UriScheme == "https");
    }
}
