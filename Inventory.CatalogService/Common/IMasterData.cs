namespace Inventory.CatalogService.Common;

/// <summary>
/// Items, categories and locations: edited under optimistic concurrency, archived rather than deleted, and audited
/// field by field (<see cref="MasterDataChanges"/>).
/// </summary>
public interface IMasterData : IVersioned
{
    Guid Id { get; }
    bool IsArchived { get; set; }
    DateTimeOffset CreatedAt { get; set; }
    DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The fields the audit trail records, by their JSON names.</summary>
    Dictionary<string, object?> AuditFields();
}
