using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace Inventory.Tests.Service.Gateway;

/// <summary>
/// Through a real gateway in front of a real backend: the gateway answers Web's static files from its own copy, with
/// every header it adds to any answer, and never copies a page, an answer with a cookie or a failure.
/// </summary>
public sealed class StaticFileCacheTests
{
    [Fact]
    public async Task A_static_file_reaches_Web_once_and_then_comes_from_the_gateways_copy()
    {
        await using var gateway = await InProcessGateway.StartAsync();
        using var client = gateway.CreateClient();
        var file = $"/css/site.{Guid.NewGuid():N}.css";

        using var first = await client.GetAsync(file);
        using var second = await client.GetAsync(file);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(1, gateway.Backend.RequestsFor(file));
        Assert.NotNull(second.Headers.Age);
        // The copy is answered like any other response: the gateway's own headers, none of the backend's.
        Assert.Equal(first.Headers.GetValues("Content-Security-Policy"), second.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal("DENY", Assert.Single(second.Headers.GetValues("X-Frame-Options")));
        Assert.False(second.Headers.Contains("X-Powered-By"));
    }

    [Fact]
    public async Task Many_callers_asking_at_once_for_a_file_not_yet_copied_cost_Web_one_request()
    {
        await using var gateway = await InProcessGateway.StartAsync();
        using var client = gateway.CreateClient();
        var file = $"/lib/{Guid.NewGuid():N}.js";

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.GetAsync(file)));

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer.StatusCode));
        Assert.Equal(1, gateway.Backend.RequestsFor(file));
    }

    [Fact]
    public async Task A_HEAD_request_first_does_not_leave_an_empty_copy_for_GET()
    {
        await using var gateway = await InProcessGateway.StartAsync();
        using var client = gateway.CreateClient();
        var file = $"/css/{Guid.NewGuid():N}.css";

        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, file));
        using var get = await client.GetAsync(file);

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal($"/* {file} */", await get.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Each_query_string_is_a_copy_of_its_own()
    {
        await using var gateway = await InProcessGateway.StartAsync();
        using var client = gateway.CreateClient();
        var file = $"/js/{Guid.NewGuid():N}.js";

        foreach (var query in new[] { "?v=1", "?v=2", "?v=1" })
            (await client.GetAsync(file + query)).EnsureSuccessStatusCode();

        Assert.Equal(1, gateway.Backend.RequestsFor(file + "?v=1"));
        Assert.Equal(1, gateway.Backend.RequestsFor(file + "?v=2"));
    }

    [Theory]
    [InlineData("/inventory")] // a page: who asks matters
    [InlineData(TestBackend.CookieCssPath)] // an answer that sets a cookie is someone's
    [InlineData(TestBackend.MissingScriptPath)] // a 404 is not kept: the file may be deployed next
    public async Task Pages_answers_with_cookies_and_failures_always_reach_Web(string path)
    {
        await using var gateway = await InProcessGateway.StartAsync();
        using var client = gateway.CreateClient();

        await client.GetAsync(path);
        await client.GetAsync(path);

        Assert.Equal(2, gateway.Backend.RequestsFor(path));
    }

    [Fact]
    public async Task A_browser_that_has_the_file_gets_304_from_the_copy()
    {
        await using var gateway = await InProcessGateway.StartAsync();
        using var client = gateway.CreateClient();
        (await client.GetAsync(TestBackend.TaggedScriptPath)).EnsureSuccessStatusCode();

        using var revalidation = new HttpRequestMessage(HttpMethod.Get, TestBackend.TaggedScriptPath);
        revalidation.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(TestBackend.TaggedScriptETag));
        using var answer = await client.SendAsync(revalidation);

        Assert.Equal(HttpStatusCode.NotModified, answer.StatusCode);
        Assert.Equal(1, gateway.Backend.RequestsFor(TestBackend.TaggedScriptPath));
    }

    [Fact]
    public async Task A_duration_of_zero_turns_the_copies_off()
    {
        await using var gateway = await InProcessGateway.StartAsync(new() { ["Gateway:StaticFileCacheDuration"] = "00:00:00" });
        using var client = gateway.CreateClient();
        var file = $"/css/{Guid.NewGuid():N}.css";

        await client.GetAsync(file);
        await client.GetAsync(file);

        Assert.Equal(2, gateway.Backend.RequestsFor(file));
    }

    [Fact]
    public async Task A_negative_duration_stops_the_gateway_at_start_naming_the_setting()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            InProcessGateway.StartAsync(new() { ["Gateway:StaticFileCacheDuration"] = "-00:00:01" }));

        Assert.Contains("Gateway:StaticFileCacheDuration", failure.Message);
    }
}
