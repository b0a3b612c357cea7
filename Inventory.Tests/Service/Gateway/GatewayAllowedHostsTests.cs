using System.Net;

namespace Inventory.Tests.Service.Gateway;

/// <summary>Host filtering on an in-process gateway: only configured host names get past it.</summary>
public sealed class GatewayAllowedHostsTests
{
    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string host, string path = "/dashboard")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = host;
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task A_host_the_app_is_not_served_at_is_refused_with_400_and_no_redirect()
    {
        await using var gateway = await InProcessGateway.StartAsync();
        var client = gateway.CreateClient();

        var response = await GetAsync(client, "evil.example");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.DoesNotContain("evil.example", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    [InlineData("[::1]")]
    public async Task The_local_host_names_are_served_by_default(string host)
    {
        await using var gateway = await InProcessGateway.StartAsync();

        Assert.Equal(HttpStatusCode.OK, (await GetAsync(gateway.CreateClient(), $"{host}:{gateway.Address().Port}")).StatusCode);
    }

    [Fact]
    public async Task A_configured_public_host_is_served_and_replaces_the_local_names()
    {
        await using var gateway = await InProcessGateway.StartAsync(new() { ["AllowedHosts"] = "inventory.example.com" });
        var client = gateway.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, "inventory.example.com")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await GetAsync(client, "localhost")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await GetAsync(client, "evil.inventory.example.com")).StatusCode);
    }

    [Fact]
    public async Task In_Azure_Container_Apps_the_gateways_public_name_is_served()
    {
        await using var gateway = await InProcessGateway.StartAsync(new() { ["CONTAINER_APP_ENV_DNS_SUFFIX"] = "blue-sea-1.westeurope.azurecontainerapps.io" });
        var client = gateway.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, "gateway.blue-sea-1.westeurope.azurecontainerapps.io")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await GetAsync(client, "web.blue-sea-1.westeurope.azurecontainerapps.io")).StatusCode);
    }
}
