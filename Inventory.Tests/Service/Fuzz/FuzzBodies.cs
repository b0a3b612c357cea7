using System.Text.Json;
using System.Text.Json.Nodes;

namespace Inventory.Tests.Service.Fuzz;

/// <summary>A field of a request body, by its JSON path (<c>lines[0].unitPrice</c>), and its schema kind.</summary>
public sealed record BodyField(string Path, string Kind);

/// <summary>
/// Builds, from an operation's body schema, a plausible body (real ids for fields that refer to existing data, so
/// the value under test is what the service judges), lists its fields, and writes it with one field replaced by raw JSON.
/// </summary>
public sealed class FuzzBodies(OpenApiOperations document, IReadOnlyDictionary<string, Guid> idsByField)
{
    private const string Placeholder = "__fuzz_value__";

    public JsonNode? Baseline(JsonElement schema, string? name = null, int depth = 0)
    {
        schema = document.Resolve(schema);
        var kind = OpenApiOperations.Kind(schema);
        switch (kind)
        {
            case "object":
                var obj = new JsonObject();
                if (depth < 4 && schema.TryGetProperty("properties", out var properties))
                {
                    foreach (var property in properties.EnumerateObject())
                        obj[property.Name] = Baseline(property.Value, property.Name, depth + 1);
                }
                return obj;
            case "array":
                return new JsonArray(schema.TryGetProperty("items", out var items) ? Baseline(items, Singular(name), depth + 1) : null);
            case "uuid":
                return name is not null && idsByField.TryGetValue(name, out var id) ? JsonValue.Create(id) : null;
            case "integer":
                return JsonValue.Create(1);
            case "number":
                return JsonValue.Create(1.5m);
            case "boolean":
                return JsonValue.Create(false);
            case "date":
                return JsonValue.Create("2027-01-15");
            case "date-time":
                return JsonValue.Create("2027-01-15T10:00:00Z");
            case "null":
                return null;
            default:
                return JsonValue.Create(PlausibleText(name));
        }
    }

    /// <summary>Every field of the body, nested ones included, with its kind.</summary>
    public IEnumerable<BodyField> Fields(JsonElement schema, string prefix = "", int depth = 0)
    {
        schema = document.Resolve(schema);
        if (depth > 4 || !schema.TryGetProperty("properties", out var properties))
            yield break;
        foreach (var property in properties.EnumerateObject())
        {
            var path = prefix.Length == 0 ? property.Name : $"{prefix}.{property.Name}";
            var resolved = document.Resolve(property.Value);
            var kind = OpenApiOperations.Kind(resolved);
            yield return new(path, kind);
            if (kind == "object")
            {
                foreach (var nested in Fields(resolved, path, depth + 1))
                    yield return nested;
            }
            else if (kind == "array" && resolved.TryGetProperty("items", out var items))
            {
                foreach (var nested in Fields(items, $"{path}[0]", depth + 1))
                    yield return nested;
            }
        }
    }

    /// <summary>The body as text with the field at <paramref name="path"/> replaced by <paramref name="rawJson"/>.</summary>
    public static string With(JsonNode? baseline, string path, string rawJson)
    {
        var body = baseline?.DeepClone() ?? new JsonObject();
        var parent = body;
        var segments = path.Split('.');
        for (var i = 0; i < segments.Length; i++)
        {
            var (name, index) = Segment(segments[i]);
            var last = i == segments.Length - 1;
            if (parent is not JsonObject obj)
                break;
            if (index is null)
            {
                if (last)
                    obj[name] = Placeholder;
                else
                    parent = obj[name] ??= new JsonObject();
            }
            else
            {
                var array = obj[name] as JsonArray ?? [];
                obj[name] = array;
                if (array.Count == 0)
                    array.Add(new JsonObject());
                parent = array[0]!;
            }
        }
        return body.ToJsonString().Replace($"\"{Placeholder}\"", rawJson, StringComparison.Ordinal);
    }

    /// <summary>The array field's element repeated past any sensible limit (600 lines of an order).</summary>
    public static string Oversized(JsonNode? baseline, string path)
    {
        var element = baseline is JsonObject obj && obj[path] is JsonArray { Count: > 0 } array ? array[0]?.ToJsonString() ?? "null" : "null";
        return $"[{string.Join(',', Enumerable.Repeat(element, 600))}]";
    }

    private static (string Name, int? Index) Segment(string segment) =>
        segment.EndsWith(']') ? (segment[..segment.IndexOf('[')], 0) : (segment, null);

    private static string? Singular(string? name) => name switch
    {
        "itemIds" => "itemId",
        _ => name,
    };

    private static string PlausibleText(string? name) => name switch
    {
        "sku" => "FZ-1",
        "unit" => "each",
        "kind" => "warehouse",
        "code" => "FZ1",
        "currency" => "EUR",
        "email" => "buyer@example.test",
        "website" => "https://example.test",
        "phone" => "+1 555 0100",
        "reasonCode" => "damaged",
        "state" => "Pending",
        _ => "Fuzz",
    };
}
