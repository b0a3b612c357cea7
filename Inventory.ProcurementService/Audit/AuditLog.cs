using System.Text.Json;
using Inventory.ProcurementService.Data;
using Inventory.ServiceDefaults.Security;

namespace Inventory.ProcurementService.Audit;

/// <summary>Adds audit entries to the same unit of work as the change they describe, so both commit or neither.</summary>
public sealed class AuditLog(ProcurementDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Actor => CurrentUser.From(http.HttpContext!).Id;

    public void Record(string entityType, Guid entityId, string action, object? before, object? after) =>
        db.Audit.Add(new AuditEntry
        {
            EntityType = entityType,
            EntityId = entityId,
            Action = action,
            ChangedBy = Actor,
            ChangedAt = clock.GetUtcNow(),
            Before = before is null ? null : JsonSerializer.Serialize(before, Json),
            After = after is null ? null : JsonSerializer.Serialize(after, Json),
        });
}
