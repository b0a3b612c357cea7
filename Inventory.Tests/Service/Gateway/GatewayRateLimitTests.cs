using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inventory.ServiceDefaults;

namespace Inventory.Tests.Service.Gateway;

/// <summary>
/// Rate limits on an in-process gateway with tiny budgets and an hour-long window, so no budget refills
/// during a test and the outcome does not depend on timing.
/// </summary>
public sealed class GatewayRateLimitTests
{
    private static Dictionary<string, string> Limits(int global, int writes = 1000, int signIn = 1000) => new()
    {
        ["RateLimiting:Global:PermitLimit"] = global.ToString(),
        ["RateLimiting:Global:Window"] = "01:00:00",
        ["RateLimiting:Writes:PermitLimit"] = writes.ToString(),
        ["RateLimiting:Writes:Window"] = "01:00:00",
        ["RateLimiting:SignIn:PermitLimit"] = signIn.ToString(),
        ["RateLimiting:SignIn:Window"] = "01:00:00",
    };

    [Fact]
    public async Task Burst_over_the_global_budget_is_rejected_with_429_Retry_After_and_problem_details()
    {
        await using var gateway = await InProcessGateway.StartAsync(Limits(global: 5));
        var client = gateway.CreateClient();

        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/page-{i}")).StatusCode);
        var rejected = await client.GetAsync("/page-5");

        Assert.Equal(HttpStatusCode.TooManyRequests, rejected.StatusCode);
        var retryAfter = Assert.Single(rejected.Headers.GetValues("Retry-After"));
        Assert.InRange(int.Parse(retryAfter), 1, 3600);
        Assert.Equal("application/problem+json", rejected.Content.Headers.ContentType?.MediaType);
        var problem = await rejected.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        rejected.AssertSecurityHeaders();
    }

    [Fact]
    public async Task Health_probes_are_answered_while_the_client_is_rate_limited()
    {
        await using var gateway = await InProcessGateway.StartAsync(Limits(global: 2));
        var client = gateway.CreateClient();
        for (var i = 0; i < 3; i++)
            await client.GetAsync("/dashboard");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync("/dashboard")).StatusCode);

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(HealthEndpoints.HealthPath)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(HealthEndpoints.AlivePath)).StatusCode);
        }
    }

    [Fact]
    public async Task Writes_are_limited_more_strictly_than_reads()
    {
        await using var gateway = await InProcessGateway.StartAsync(Limits(global: 100, writes: 3));
        var client = gateway.CreateClient();

        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/items", new StringContent("x"))).StatusCode);

        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.PostAsync("/items", new StringContent("x"))).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.PutAsync("/items/1", new StringContent("x"))).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.PatchAsync("/items/1", new StringContent("x"))).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.DeleteAsync("/items/1")).StatusCode);
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/items")).StatusCode);
    }

    [Theory]
    [InlineData("/login")]
    [InlineData("/auth/google/callback")]
    [InlineData("/signin-google")]
    [InlineData("/dev-login")]
    public async Task Sign_in_paths_are_limited_more_strictly_than_other_pages(string path)
    {
        await using var gateway = await InProcessGateway.StartAsync(Limits(global: 100, signIn: 2));
        var client = gateway.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(path, new StringContent("x"))).StatusCode);

        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync("/login")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/dashboard")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/logins-report")).StatusCode);
    }

    [Fact]
    public async Task Budgets_belong_to_the_connection_address_not_to_a_forwarded_for_header()
    {
        await using var gateway = await InProcessGateway.StartAsync(Limits(global: 2));
        var first = gateway.CreateClient(IPAddress.Parse("127.0.0.1"));
        for (var i = 0; i < 2; i++)
            Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/dashboard")).StatusCode);

        // A client cannot buy a fresh budget by claiming to be someone else...
        using var spoofed = new HttpRequestMessage(HttpMethod.Get, "/dashboard");
        spoofed.Headers.Add("X-Forwarded-For", "203.0.113.7");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await first.SendAsync(spoofed)).StatusCode);

        // ...while another address has its own.
        var second = gateway.CreateClient(IPAddress.Parse("127.0.0.2"));
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/dashboard")).StatusCode);
    }
}
