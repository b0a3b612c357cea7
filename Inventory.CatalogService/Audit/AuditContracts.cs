using System.Text.Json;

namespace Inventory.CatalogService.Audit;

public sealed record AuditEntryDto(long Id, string EntityType, Guid EntityId, string Action, string UserId,
    DateTimeOffset OccurredAt, JsonElement Changes)
{
    public static AuditEntryDto From(AuditEntry entry) => new(entry.Id, entry.EntityType, entry.EntityId, entry.Action,
        entry.UserId, entry.OccurredAt, JsonDocument.Parse(entry.Changes).RootElement.Clone());
}
