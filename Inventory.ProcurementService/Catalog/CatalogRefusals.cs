using System.Net;
using System.Text.Json;

namespace Inventory.ProcurementService.Catalog;

/// <summary>
/// Which of the catalog's answers to a receipt post are final, and the catalog's reason in words. A refusal is
/// about the line itself — its item or location is missing or archived (404/409/422), or the line was already booked
/// with other contents (422) — so repeating it can only be refused again. Everything else (5xx, 429, 408, and
/// 401/403, which mean procurement's own credentials or the catalog's keys are wrong, not the line) is transient.
/// </summary>
public static class CatalogRefusals
{
    private static readonly HashSet<HttpStatusCode> Final =
    [
        HttpStatusCode.BadRequest, HttpStatusCode.NotFound, HttpStatusCode.Conflict, HttpStatusCode.Gone, HttpStatusCode.UnprocessableEntity,
    ];

    public static bool IsFinal(HttpStatusCode status) => Final.Contains(status);

    /// <summary>
    /// The refusal as a person reads it: the ProblemDetails' field messages ("Location WH-1 is archived: it takes no
    /// new stock."), else its detail or title, else the status line.
    /// </summary>
    public static string Reason(HttpStatusCode status, string? reasonPhrase, string body)
    {
        var fallback = $"The catalog refused the line ({(int)status} {reasonPhrase}).";
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return fallback;
            if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
            {
                var messages = errors.EnumerateObject()
                    .SelectMany(field => field.Value.ValueKind == JsonValueKind.Array ? field.Value.EnumerateArray() : Enumerable.Empty<JsonElement>())
                    .Where(message => message.ValueKind == JsonValueKind.String)
                    .Select(message => message.GetString()!)
                    .Distinct()
                    .ToList();
                if (messages.Count > 0)
                    return string.Join(" ", messages);
            }
            foreach (var name in new[] { "detail", "title" })
            {
                if (root.TryGetProperty(name, out var text) && text.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(text.GetString()))
                    return text.GetString()!;
            }
            return fallback;
        }
        catch (JsonException)
        {
            return fallback;
        }
    }
}
