using System.Text.Json;

namespace Inventory.ServiceDefaults.Kit;

public sealed record FieldChange(object? Before, object? After);

/// <summary>Which fields changed between two snapshots of an entity (field name → value).</summary>
public static class AuditDiff
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static SortedDictionary<string, FieldChange> Compute(
        IReadOnlyDictionary<string, object?>? before, IReadOnlyDictionary<string, object?> after)
    {
        var changes = new SortedDictionary<string, FieldChange>(StringComparer.Ordinal);
        foreach (var (field, value) in after)
        {
            object? old = null;
            if (before is not null && !before.TryGetValue(field, out old))
                old = null;
            if (before is null || !Equals(Normalize(old), Normalize(value)))
                changes[field] = new FieldChange(before is null ? null : old, value);
        }
        return changes;
    }

    public static string ToJson(SortedDictionary<string, FieldChange> changes) => JsonSerializer.Serialize(changes, Json);

    public static AuditEntry Entry(string entityType, Guid entityId, string action, string userId, DateTimeOffset at,
        IReadOnlyDictionary<string, object?>? before, IReadOnlyDictionary<string, object?> after) => new()
        {
            EntityType = entityType,
            EntityId = entityId,
            Action = action,
            UserId = userId,
            OccurredAt = at,
            Changes = ToJson(Compute(before, after)),
        };

    // 1.50m and 1.5m are the same amount.
    private static object? Normalize(object? value) => value is decimal d ? d / 1.0000000000000000000000000000m : value;
}
