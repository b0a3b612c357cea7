namespace Inventory.Tests.Infrastructure;

/// <summary>What goes wrong on a link, set by a test.</summary>
public sealed class LinkFaults
{
    /// <summary>The far end is down: requests fail to connect and never arrive.</summary>
    public volatile bool Down;

    /// <summary>Requests arrive and are processed, but every response is lost on the way back.</summary>
    public volatile bool LoseResponses;

    /// <summary>Not 0: the far end answers every request with this status (e.g. 503) without processing it.</summary>
    public volatile int AnswerStatus;

    /// <summary>Requests that reached the far end.</summary>
    public int Delivered;

    public void Reset()
    {
        Down = false;
        LoseResponses = false;
        AnswerStatus = 0;
        Delivered = 0;
    }
}

/// <summary>A message handler in front of a real service that can drop the connection or the response.</summary>
public sealed class FaultyLink(HttpMessageHandler inner, LinkFaults faults) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (faults.Down)
            throw new HttpRequestException("Connection refused (catalog is down)", null, null);
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
