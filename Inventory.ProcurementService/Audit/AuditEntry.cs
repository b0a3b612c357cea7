namespace Inventory.ProcurementService.Audit;

/// <summary>One change to master data: who, when, and the entity's values before and after (JSON).</summary>
public sealed class AuditEntry
{
    public long Id { get; init; }
    public required string EntityType { get; init; }
    public Guid EntityId { get; init; }
    public required string Action { get; init; }
    public required string ChangedBy { get; init; }
    public DateTimeOffset ChangedAt { get; init; }
    public string? Before { get; init; }
    public string? After { get; init; }
}
