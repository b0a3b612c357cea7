namespace Inventory.ServiceDefaults.Kit;

/// <summary>
/// One change to master data, the one audit shape of every service: who, when, what was done to which entity,
/// and each changed field's value before and after.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; init; }
    public required string EntityType { get; init; }
    public required Guid EntityId { get; init; }
    public required string Action { get; init; }
    public required string UserId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>JSON object: field name → { "before": …, "after": … } (jsonb).</summary>
    public required string Changes { get; init; }

    public bool HasChanges => Changes != "{}";
}

/// <summary>The actions every service records; a service may add its own (e.g. a purchase order's "submit").</summary>
public static class AuditActions
{
    public const string Create = "create";
    public const string Update = "update";
    public const string Archive = "archive";
    public const string Unarchive = "unarchive";
}

/// <summary>A context whose database holds <c>audit_entries</c> (<see cref="AuditEntryConfiguration"/>).</summary>
public interface IAuditedDbContext
{
    Microsoft.EntityFrameworkCore.DbSet<AuditEntry> AuditEntries { get; }
}
