using System.Text.Json;

namespace Inventory.Tests.Service.Fuzz;

/// <summary>One operation of an OpenAPI document: what the fuzzer can vary.</summary>
public sealed record OpenApiOperation(string Method, string Path, IReadOnlyList<OpenApiParameter> Parameters, JsonElement? JsonBody,
    string? OtherBodyMediaType)
{
    public bool Writes => Method is not "GET" and not "HEAD";

    public override string ToString() => $"{Method} {Path}";
}

public sealed record OpenApiParameter(string Name, string In, JsonElement Schema);

/// <summary>
/// Reads the operations of an OpenAPI 3.x document (what ASP.NET Core's document generator writes), resolving
/// <c>$ref</c> and the nullable <c>oneOf/anyOf</c> wrappers so a schema can be walked as a plain tree.
/// </summary>
public sealed class OpenApiOperations(JsonElement document)
{
    public IReadOnlyList<OpenApiOperation> All()
    {
        var operations = new List<OpenApiOperation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var method in path.Value.EnumerateObject().Where(m => m.Name is "get" or "post" or "put" or "delete" or "patch"))
            {
                var parameters = method.Value.TryGetProperty("parameters", out var list)
                    ? list.EnumerateArray().Select(p => new OpenApiParameter(p.GetProperty("name").GetString()!, p.GetProperty("in").GetString()!,
                        p.TryGetProperty("schema", out var s) ? Resolve(s) : default)).ToList()
                    : [];
                JsonElement? jsonBody = null;
                string? otherMediaType = null;
                if (method.Value.TryGetProperty("requestBody", out var body) && body.TryGetProperty("content", out var content))
                {
                    foreach (var media in content.EnumerateObject())
                    {
                        if (media.Name.Contains("json", StringComparison.Ordinal) && media.Value.TryGetProperty("schema", out var schema))
                            jsonBody ??= Resolve(schema);
                        else
                            otherMediaType ??= media.Name;
                    }
                }
                operations.Add(new(method.Name.ToUpperInvariant(), path.Name, parameters, jsonBody, jsonBody is null ? otherMediaType : null));
            }
        }
        return operations;
    }

    /// <summary>The schema behind a <c>$ref</c> or a nullable wrapper; the schema itself otherwise.</summary>
    public JsonElement Resolve(JsonElement schema)
    {
        for (var depth = 0; depth < 10; depth++)
        {
            if (schema.ValueKind != JsonValueKind.Object)
                return schema;
            if (schema.TryGetProperty("$ref", out var reference))
            {
                var name = reference.GetString()!.Split('/')[^1];
                schema = document.GetProperty("components").GetProperty("schemas").GetProperty(name);
                continue;
            }
            var wrapper = schema.TryGetProperty("oneOf", out var oneOf) ? oneOf : schema.TryGetProperty("anyOf", out var anyOf) ? anyOf : default;
            if (wrapper.ValueKind == JsonValueKind.Array)
            {
                schema = wrapper.EnumerateArray().FirstOrDefault(s => Kind(s) != "null", wrapper[0]);
                continue;
            }
            return schema;
        }
        return schema;
    }

    /// <summary>A schema's kind: object, array, uuid, date, date-time, integer, number, boolean, string or null.</summary>
    public static string Kind(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object)
            return "string";
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        var types = !schema.TryGetProperty("type", out var type) ? []
            : type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToArray() : [type.GetString()!];
        if (format is "uuid" or "date" or "date-time")
            return format;
        foreach (var kind in new[] { "object", "array", "integer", "number", "boolean", "string" })
        {
            if (types.Contains(kind))
                return kind;
        }
        if (schema.TryGetProperty("properties", out _))
            return "object";
        return types.Contains("null") ? "null" : "string";
    }
}
