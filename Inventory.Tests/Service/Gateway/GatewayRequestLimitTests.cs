using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Yarp.ReverseProxy;

namespace Inventory.Tests.Service.Gateway;

public sealed class GatewayRequestLimitTests
{
    [Fact]
    public async Task Body_over_the_configured_size_is_rejected_with_413()
    {
        await using var gateway = await InProcessGateway.StartAsync(new() { ["Gateway:MaxRequestBodySize"] = "1024" });
        var client = gateway.CreateClient();

        var atLimit = await client.PostAsync("/import", new ByteArrayContent(new byte[1024]));
        var overLimit = await client.PostAsync("/import", new ByteArrayContent(new byte[1025]));

        Assert.Equal(HttpStatusCode.OK, atLimit.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, overLimit.StatusCode);
        Assert.Equal(413, (await overLimit.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
        overLimit.AssertSecurityHeaders();
    }

    [Fact]
    public async Task Backend_that_outlasts_the_request_timeout_is_answered_504()
    {
        await using var gateway = await InProcessGateway.StartAsync(new()
        {
            ["Gateway:RequestTimeout"] = "00:00:01",
            // So that the RequestTimeouts middleware, not YARP's idle timeout, is what ends the request.
            ["ReverseProxy:Clusters:web:HttpRequest:ActivityTimeout"] = "00:10:00",
        });
        var client = gateway.CreateClient();

        var response = await client.GetAsync(TestBackend.SlowPath);

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        response.AssertSecurityHeaders();
    }

    [Fact]
    public async Task Cluster_activity_timeout_follows_the_request_timeout()
    {
        await using var gateway = await InProcessGateway.StartAsync(new() { ["Gateway:RequestTimeout"] = "00:00:42" });

        Assert.Equal(TimeSpan.FromSeconds(42), WebClusterActivityTimeout(gateway));
    }

    [Fact]
    public async Task Cluster_activity_timeout_set_in_the_proxy_configuration_is_kept()
    {
        await using var gateway = await InProcessGateway.StartAsync(new()
        {
            ["Gateway:RequestTimeout"] = "00:00:42",
            ["ReverseProxy:Clusters:web:HttpRequest:ActivityTimeout"] = "00:00:07",
        });

        Assert.Equal(TimeSpan.FromSeconds(7), WebClusterActivityTimeout(gateway));
    }

    private static TimeSpan? WebClusterActivityTimeout(InProcessGateway gateway)
    {
        Assert.True(gateway.Services.GetRequiredService<IProxyStateLookup>().TryGetCluster("web", out var cluster));
        return cluster.Model.Config.HttpRequest?.ActivityTimeout;
    }
}
