using Polly.CircuitBreaker;

namespace Inventory.Tests.Infrastructure;

/// <summary>What goes wrong on a link, set by a test.</summary>
public sealed class LinkFaults
{
    /// <summary>The far end is down: requests fail to connect and never arrive.</summary>
    public volatile bool Down;

    /// <summary>Requests arrive and are processed, but every response is lost on the way back.</summary>
    public volatile bool LoseResponses;

    /// <summary>The far end is frozen (a stopped process): requests are taken and never answered.</summary>
    public volatile bool Frozen;

    /// <summary>Not 0: the far end answers every request with this status (e.g. 503) without processing it.</summary>
    public volatile int AnswerStatus;

    /// <summary>Requests that reached the far end.</summary>
    public int Delivered;

    /// <summary>Requests sent into the link, whatever became of them.</summary>
    public int Attempted;

    /// <summary>Closes the caller's circuit breaker on <see cref="Reset"/>, where the caller wires it (a host shared by tests).</summary>
    public CircuitBreakerManualControl Breaker { get; } = new();

    /// <summary>Heals the link, and closes the breaker a previous test's faults may have opened.</summary>
    public void Reset()
    {
        Breaker.CloseAsync().GetAwaiter().GetResult();
        Down = false;
        LoseResponses = false;
        Frozen = false;
        AnswerStatus = 0;
        Delivered = 0;
        Attempted = 0;
    }
}

/// <summary>A message handler in front of a real service that can drop the connection or the response, or hang.</summary>
public sealed class FaultyLink(HttpMessageHandler inner, LinkFaults faults) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref faults.Attempted);
        if (faults.Down)
            throw new HttpRequestException("Connection refused (catalog is down)", null, null);
        if (faults.Frozen)
            await Task.Delay(Timeout.Infinite, cancellationToken); // only the caller's timeout ends it
        if (faults.AnswerStatus != 0)
            return new HttpResponseMessage((System.Net.HttpStatusCode)faults.AnswerStatus) { RequestMessage = request, Content = new StringContent("") };
        var response = await base.SendAsync(request, cancellationToken);
        Interlocked.Increment(ref faults.Delivered);
        if (faults.LoseResponses)
        {
            response.Dispose();
            throw new HttpRequestException("The response was lost (connection reset)");
        }
        return response;
    }
}
