using System.Text.Json;

namespace Inventory.Web.Pages.Shared;

/// <summary>One field an audited change touched, as text.</summary>
public sealed record FieldChange(string Field, string? Before, string? After);

/// <summary>Turns an audit entry's before/after snapshots into the fields that differ.</summary>
public static class AuditChanges
{
    public static IReadOnlyList<FieldChange> Between(JsonElement? before, JsonElement? after)
    {
        var old = Fields(before);
        var now = Fields(after);
        return old.Keys.Union(now.Keys)
            .Select(key => new FieldChange(key, old.GetValueOrDefault(key), now.GetValueOrDefault(key)))
            .Where(change => change.Before != change.After)
            .ToList();
    }

    private static Dictionary<string, string?> Fields(JsonElement? snapshot) =>
        snapshot is { ValueKind: JsonValueKind.Object } element
            ? element.EnumerateObject().ToDictionary(p => p.Name, p => Text(p.Value))
            : [];

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Array or JsonValueKind.Object => value.GetRawText(),
        _ => value.GetRawText(),
    };
}
