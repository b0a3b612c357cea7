using System.Net;
using System.Text.Json;

namespace Inventory.Tests.Service.Fuzz;

/// <summary>One malformed request: where it went, what was varied, and how it was sent.</summary>
public sealed record FuzzProbe(OpenApiOperation Operation, string Url, string Varied, string? Body, string MediaType = "application/json",
    string? IdempotencyKey = null)
{
    public HttpRequestMessage ToRequest()
    {
        var request = new HttpRequestMessage(new HttpMethod(Operation.Method), Url);
        if (Body is not null)
            request.Content = new StringContent(Body, System.Text.Encoding.UTF8, MediaType);
        if (IdempotencyKey is not null)
            request.Headers.TryAddWithoutValidation(IdempotencyRules.HeaderName, IdempotencyKey);
        return request;
    }

    public override string ToString() =>
        $"{Operation} [{Varied}] {Url}{(Body is null ? "" : " " + (Body.Length > 160 ? Body[..160] + "…" : Body))}";
}

/// <summary>What the fuzzer demands of every answer to malformed input.</summary>
public static class FuzzVerdict
{
    /// <summary>Null when the answer is acceptable; else what is wrong with it.</summary>
    public static async Task<string?> JudgeAsync(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (status >= 500)
            return $"answered {status}";
        if (response.StatusCode != HttpStatusCode.BadRequest)
            return null;
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            return $"answered 400 as {response.Content.Headers.ContentType?.MediaType ?? "no content"}, not ProblemDetails";
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return body.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object && errors.EnumerateObject().Any()
            ? null
            : $"answered 400 naming no field: {body}";
    }
}
