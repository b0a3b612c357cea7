using Inventory.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http;

namespace Inventory.ServiceDefaults.Kit;

/// <summary>
/// Records audit entries in the same unit of work as the change they describe (the caller's SaveChanges), so both
/// commit or neither. Register it scoped; it reads the caller from the request.
/// </summary>
public sealed class AuditTrail(IHttpContextAccessor http, TimeProvider clock)
{
    /// <summary>
    /// Adds an entry with the fields that differ between <paramref name="before"/> (null for a new entity) and
    /// <paramref name="after"/>. Returns false, adding nothing, when no field changed.
    /// </summary>
    public bool Record(IAuditedDbContext db, string entityType, Guid entityId, string action,
        IReadOnlyDictionary<string, object?>? before, IReadOnlyDictionary<string, object?> after)
    {
        var entry = AuditDiff.Entry(entityType, entityId, action, CurrentUser.From(http.HttpContext!).Id, clock.DatabaseNow(), before, after);
        if (!entry.HasChanges && before is not null)
            return false;
        db.AuditEntries.Add(entry);
        return true;
    }
}
