using Inventory.CatalogService.Data;

namespace Inventory.CatalogService.Common;

/// <summary>
/// Records changes of master data the one way, in the caller's unit of work: an audit row with each field that
/// changed, and for an edit the next version and the time. An edit that changes no field records nothing: the
/// version stays and no audit row is written.
/// </summary>
public sealed class MasterDataChanges(CatalogDbContext db, AuditTrail audit, TimeProvider clock)
{
    public DateTimeOffset Now() => clock.DatabaseNow();

    /// <summary>Stamps a new entity's times and records its creation, every field with no value before.</summary>
    public void Created<T>(T entity, string entityType) where T : class, IMasterData
    {
        entity.CreatedAt = entity.UpdatedAt = Now();
        audit.Record(db, entityType, entity.Id, AuditActions.Create, null, entity.AuditFields());
    }

    /// <summary>
    /// Records an edit made since <paramref name="before"/> was taken (false: no field changed). The entity must still
    /// be at <paramref name="readVersion"/>; saving refuses it if someone else saved it meanwhile.
    /// </summary>
    public bool Edited<T>(T entity, string entityType, string action, IReadOnlyDictionary<string, object?> before, int readVersion)
        where T : class, IMasterData
    {
        if (!audit.Record(db, entityType, entity.Id, action, before, entity.AuditFields()))
            return false;
        db.TryAdvance(entity, readVersion);
        entity.UpdatedAt = Now();
        return true;
    }

    /// <summary>Archives or restores (false: it already was).</summary>
    public bool SetArchived<T>(T entity, string entityType, bool archived) where T : class, IMasterData
    {
        if (entity.IsArchived == archived)
            return false;
        var before = entity.AuditFields();
        entity.IsArchived = archived;
        return Edited(entity, entityType, archived ? AuditActions.Archive : AuditActions.Unarchive, before, entity.Version);
    }
}
