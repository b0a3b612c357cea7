using System.Text.Json;
using System.Text.Json.Nodes;

namespace Inventory.ServiceDefaults.Kit;

/// <summary>Text in request bodies: what PostgreSQL can store, and the one way to tidy it.</summary>
public static class TextRules
{
    public const string NulMessage = "Must not contain a NUL character.";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Trimmed text, or null when blank.</summary>
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>
    /// Adds a 400 error for every string anywhere in <paramref name="request"/> that holds a NUL character (PostgreSQL
    /// cannot store one), under its JSON path, e.g. <c>notes</c> or <c>lines[2].description</c>. A field that already
    /// has an error keeps it.
    /// </summary>
    public static Dictionary<string, string[]> RejectNul(this Dictionary<string, string[]> errors, object request)
    {
        Walk(JsonSerializer.SerializeToNode(request, request.GetType(), Json), "", errors);
        return errors;
    }

    private static void Walk(JsonNode? node, string path, Dictionary<string, string[]> errors)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                    Walk(value, path.Length == 0 ? name : $"{path}.{name}", errors);
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                    Walk(array[i], $"{path}[{i}]", errors);
                break;
            case JsonValue value when value.TryGetValue<string>(out var text) && text.Contains('\0'):
                errors.TryAdd(path, [NulMessage]);
                break;
        }
    }
}
