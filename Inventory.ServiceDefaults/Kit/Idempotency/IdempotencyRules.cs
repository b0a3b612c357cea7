using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Inventory.ServiceDefaults.Kit;

/// <summary>What an <c>Idempotency-Key</c> may be, and the fingerprint that tells "the same request" from "another one".</summary>
public static class IdempotencyRules
{
    public const string HeaderName = "Idempotency-Key";
    public const int KeyMaxLength = 200;

    public static string? ValidateKey(string? key) =>
        key is null ? null
        : key.Length is 0 or > KeyMaxLength ? $"The {HeaderName} header must be 1 to {KeyMaxLength} characters."
        : key.Any(c => c is < '!' or > '~') ? $"The {HeaderName} header may contain only printable ASCII characters without spaces."
        : null;

    /// <summary>
    /// SHA-256 (hex) of the method, the path and the body in canonical JSON form (object members sorted, no
    /// whitespace), so the same request re-serialized by another client library still matches.
    /// </summary>
    public static string Hash(string method, string path, object? body)
    {
        var node = body is null ? null : JsonSerializer.SerializeToNode(body, body.GetType(), Json);
        return Hash(method, path, node);
    }

    public static string Hash(string method, string path, JsonNode? body)
    {
        var canonical = $"{method.ToUpperInvariant()}\n{path.ToLowerInvariant()}\n{Canonical(body)}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static string Canonical(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject obj => "{" + string.Join(",", obj.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Where(p => p.Value is not null)
            .Select(p => JsonSerializer.Serialize(p.Key) + ":" + Canonical(p.Value))) + "}",
        JsonArray array => "[" + string.Join(",", array.Select(Canonical)) + "]",
        _ => node.ToJsonString(),
    };
}
