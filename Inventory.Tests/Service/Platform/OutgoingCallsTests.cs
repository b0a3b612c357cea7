using System.Net;
using Inventory.ServiceDefaults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Inventory.Tests.Service.Platform;

/// <summary>
/// The HTTP client every process gets from the service defaults (<see cref="OutgoingCalls"/>), against a real
/// service on loopback that fails or hangs: which calls are retried, the call budget and the circuit breaker.
/// </summary>
public sealed class OutgoingCallsTests : IAsyncLifetime
{
    private static readonly HopBudget Budget = new(Request: TimeSpan.FromSeconds(5), Call: TimeSpan.FromSeconds(3));
    private WebApplication _service = null!;
    private int _received;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        _service = builder.Build();
        _service.Use(async (HttpContext context, RequestDelegate _) =>
        {
            Interlocked.Increment(ref _received);
            if (context.Request.Path == "/hang")
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            await context.Response.WriteAsync("unavailable");
        });
        await _service.StartAsync();

        // The real wiring: a host with the service defaults, asking its client factory for a client.
        var host = Host.CreateApplicationBuilder();
        host.Configuration["OTEL_SDK_DISABLED"] = "true";
        host.AddServiceDefaults(Budget);
        var services = host.Services.BuildServiceProvider();
        _client = services.GetRequiredService<IHttpClientFactory>().CreateClient("service");
        _client.BaseAddress = new Uri(_service.Urls.Single());
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _service.DisposeAsync();
    }

    [Fact]
    public async Task A_failed_read_is_retried()
    {
        var response = await _client.GetAsync("/fail");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(1 + OutgoingCalls.MaxRetries, _received);
    }

    [Fact]
    public async Task A_failed_write_without_an_idempotency_key_is_sent_once()
    {
        var response = await _client.PostAsync("/fail", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(1, _received);
    }

    [Fact]
    public async Task A_failed_write_with_an_idempotency_key_is_retried()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/fail") { Content = new StringContent("{}") };
        request.Headers.Add(IdempotencyRules.HeaderName, Guid.NewGuid().ToString());

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(1 + OutgoingCalls.MaxRetries, _received);
    }

    [Fact]
    public async Task A_call_to_a_hanging_service_ends_when_its_budget_is_spent()
    {
        await Assert.ThrowsAsync<TimeoutRejectedException>(() => _client.GetAsync("/hang"));

        Assert.Equal(1, _received); // the one attempt used the whole budget; nothing was left to retry with
    }

    [Fact]
    public async Task Once_a_service_keeps_failing_the_breaker_opens_and_calls_fail_at_once_without_reaching_it()
    {
        // Two reads with their retries: six failures, past the breaker's minimum throughput and failure ratio.
        await _client.GetAsync("/fail");
        await Assert.ThrowsAnyAsync<Exception>(() => _client.GetAsync("/fail"));
        var received = _received;

        await Assert.ThrowsAsync<BrokenCircuitException>(() => _client.GetAsync("/fail"));

        Assert.Equal(received, _received);
    }
}
