using Inventory.ProcurementService.Data;

namespace Inventory.ProcurementService.Audit;

/// <summary>An entity whose changes the audit trail records field by field.</summary>
public interface IAuditedEntity
{
    Guid Id { get; }

    /// <summary>The fields the audit trail compares, by their JSON names.</summary>
    IReadOnlyDictionary<string, object?> AuditFields();
}

public static class AuditedChanges
{
    /// <summary>Adds a new entity to the unit of work and records its creation (every field, with no value before).</summary>
    public static void Add<T>(this AuditTrail audit, ProcurementDbContext db, T entity, string entityType) where T : class, IAuditedEntity
    {
        db.Add(entity);
        audit.Record(db, entityType, entity.Id, AuditActions.Create, null, entity.AuditFields());
    }

    /// <summary>
    /// Applies <paramref name="change"/> to an entity the caller read at <paramref name="readVersion"/>, advancing its
    /// version and recording the fields that changed. False, changing nothing, when the entity has moved on since.
    /// </summary>
    public static bool TryChange<T>(this AuditTrail audit, ProcurementDbContext db, T entity, int readVersion,
        string entityType, string action, Action<T> change) where T : class, IVersioned, IAuditedEntity
    {
        if (!db.TryAdvance(entity, readVersion))
            return false;
        var before = entity.AuditFields();
        change(entity);
        audit.Record(db, entityType, entity.Id, action, before, entity.AuditFields());
        return true;
    }
}
