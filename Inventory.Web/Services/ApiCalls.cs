using System.Net;
using System.Text.Json;

namespace Inventory.Web.Services;

/// <summary>
/// Sends a request to a service and turns the answer into an <see cref="ApiResult{T}"/>: success bodies are read,
/// ProblemDetails become <see cref="ApiProblem"/>s, and an unreachable service becomes a 503 problem. Only the
/// caller's own cancellation escapes as an exception.
/// </summary>
internal static class ApiCalls
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    public static async Task<ApiResult<T>> SendAsync<T>(string service, Func<Task<HttpResponseMessage>> send, CancellationToken ct)
    {
        var (response, unavailable) = await TrySendAsync(service, send, ct);
        if (response is null)
            return ApiResult<T>.Failed(unavailable!);
        using (response)
        {
            if (!response.IsSuccessStatusCode)
                return ApiResult<T>.Failed(await ReadProblemAsync(service, response, ct));
            try
            {
                var value = await response.Content.ReadFromJsonAsync<T>(Json, ct);
                return value is null
                    ? ApiResult<T>.Failed(new ApiProblem(StatusCodes.Status502BadGateway, $"The {service} service sent an empty answer.", NoErrors))
                    : ApiResult<T>.Ok(value);
            }
            catch (JsonException)
            {
                // An answer of another shape (a service older or newer than this page) is shown as such, not as a crash.
                return ApiResult<T>.Failed(new ApiProblem(StatusCodes.Status502BadGateway,
                    $"The {service} service sent an answer this page cannot read.", NoErrors));
            }
        }
    }

    /// <summary>For calls whose success has no body worth reading (204 No Content).</summary>
    public static async Task<ApiResult<bool>> SendAsync(string service, Func<Task<HttpResponseMessage>> send, CancellationToken ct)
    {
        var (response, unavailable) = await TrySendAsync(service, send, ct);
        if (response is null)
            return ApiResult<bool>.Failed(unavailable!);
        using (response)
            return response.IsSuccessStatusCode ? ApiResult<bool>.Ok(true) : ApiResult<bool>.Failed(await ReadProblemAsync(service, response, ct));
    }

    public static ApiProblem Unavailable(string service) => new(StatusCodes.Status503ServiceUnavailable,
        $"The {service} service is not answering right now. Try again in a moment.", NoErrors);

    private static async Task<(HttpResponseMessage? Response, ApiProblem? Unavailable)> TrySendAsync(
        string service, Func<Task<HttpResponseMessage>> send, CancellationToken ct)
    {
        try
        {
            return (await send(), null);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested && (ServiceUnavailable.Is(ex) || ex is TaskCanceledException))
        {
            // A timeout that is not the caller's own cancellation means the service is too slow: the same to the user.
            return (null, Unavailable(service));
        }
    }

    private static async Task<ApiProblem> ReadProblemAsync(string service, HttpResponseMessage response, CancellationToken ct)
    {
        var status = (int)response.StatusCode;
        string? title = null;
        var errors = new Dictionary<string, string[]>();
        try
        {
            using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
            if (body.RootElement.ValueKind == JsonValueKind.Object)
            {
                if (body.RootElement.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String)
                    title = t.GetString();
                // The detail is the sentence about this very refusal ("Only 45 each … available at A1"); the title is
                // the problem type's headline ("The change conflicts with the current state."), so the detail wins.
                if (body.RootElement.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(d.GetString()))
                    title = d.GetString();
                if (body.RootElement.TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Object)
                    foreach (var field in e.EnumerateObject().Where(f => f.Value.ValueKind == JsonValueKind.Array))
                        errors[field.Name] = field.Value.EnumerateArray().Select(m => m.GetString() ?? "").Where(m => m.Length > 0).ToArray();
            }
        }
        catch (JsonException)
        {
            // Not a ProblemDetails body (e.g. a proxy's error page): the status alone decides the message.
        }
        return new ApiProblem(status, Describe(service, response.StatusCode, title), errors);
    }

    // Sentences of 4xx refusals are written for people (the services' own wording); 5xx ones are not shown.
    private static string Describe(string service, HttpStatusCode status, string? title) => status switch
    {
        HttpStatusCode.Unauthorized => $"The {service} service did not accept your session. Sign in again.",
        HttpStatusCode.Forbidden => "Not allowed: your role does not permit this.",
        HttpStatusCode.NotFound => title is null or "Not Found" ? "It no longer exists." : title,
        HttpStatusCode.ServiceUnavailable when !string.IsNullOrWhiteSpace(title) && title != "Service Unavailable" => title,
        HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout =>
            $"The {service} service is not answering right now. Try again in a moment.",
        >= HttpStatusCode.InternalServerError =>
            $"The {service} service could not complete this. Try again; if it keeps failing, tell an administrator.",
        _ => string.IsNullOrWhiteSpace(title) ? "The request was refused." : title,
    };
}
