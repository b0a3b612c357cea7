using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Inventory.Tests.Infrastructure;

public static class HttpAssertions
{
    /// <summary>Asserts a ProblemDetails response with the status, and returns its field errors (JSON names).</summary>
    public static async Task<Dictionary<string, string[]>> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, body.GetProperty("status").GetInt32());
        Assert.False(body.TryGetProperty("exception", out _), "problem details must not carry exception text");
        return body.TryGetProperty("errors", out var errors)
            ? errors.Deserialize<Dictionary<string, string[]>>()!
            : [];
    }
}
