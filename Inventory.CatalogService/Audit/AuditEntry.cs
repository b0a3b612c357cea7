namespace Inventory.CatalogService.Audit;

/// <summary>One change to master data: who, when, what, and each changed field's value before and after.</summary>
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
}

public static class AuditActions
{
    public const string Create = "create";
    public const string Update = "update";
    public const string Archive = "archive";
    public const string Unarchive = "unarchive";
}

public static class AuditEntityTypes
{
    public const string Item = "item";
    public const string Category = "category";
    public const string Location = "location";

    public static readonly string[] All = [Item, Category, Location];
}
