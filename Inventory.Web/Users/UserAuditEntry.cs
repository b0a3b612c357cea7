namespace Inventory.Web.Users;

/// <summary>Who changed which user, when, and each changed field's value before and after.</summary>
public sealed class UserAuditEntry
{
    public long Id { get; init; }
    public Guid UserId { get; init; }
    public required string Action { get; init; }
    public required string ChangedBy { get; init; }
    public DateTimeOffset ChangedAt { get; init; }
    public string? Before { get; init; }
    public string? After { get; init; }
}
