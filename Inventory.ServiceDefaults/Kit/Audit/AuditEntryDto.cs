using System.Text.Json;

namespace Inventory.ServiceDefaults.Kit;

/// <summary>A field's value before and after a change (JSON null when it had none).</summary>
public sealed record AuditChange(JsonElement Before, JsonElement After);

/// <summary>An audit entry on the wire: the same shape from every service, read by Web's one history partial.</summary>
public sealed record AuditEntryDto(long Id, string EntityType, Guid EntityId, string Action, string UserId,
    DateTimeOffset OccurredAt, IReadOnlyDictionary<string, AuditChange> Changes)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static AuditEntryDto From(AuditEntry entry) => new(entry.Id, entry.EntityType, entry.EntityId, entry.Action,
        entry.UserId, entry.OccurredAt, JsonSerializer.Deserialize<SortedDictionary<string, AuditChange>>(entry.Changes, Json)!);
}
