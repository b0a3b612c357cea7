using System.Text.Json;

namespace Inventory.Web.Pages.Shared;

/// <summary>
/// What the <c>_AuditHistory</c> partial shows: an entity's audit trail in the kit's one shape (<see cref="AuditEntryDto"/>),
/// newest first — who, when, the action and each field before → after — from a service's <c>api/audit</c> or Web's own
/// users. <see cref="Subject"/> names the entity of each entry where one history covers several (the users page).
/// </summary>
public sealed record AuditHistory(string Id, IReadOnlyList<AuditEntryDto> Entries, ApiProblem? Problem, UserNames Users,
    Func<Guid, string>? Subject = null)
{
    /// <summary>The latest <paramref name="size"/> entries of one entity from a service, with the names of who made them.</summary>
    public static async Task<AuditHistory> LoadAsync(ServiceClient service, string entityType, Guid entityId, int size, UserNames users,
        CancellationToken ct)
    {
        var result = await service.ListAuditAsync(entityType, entityId, size, ct);
        var entries = result.Value?.Items ?? [];
        await users.LoadAsync(entries.Select(e => e.UserId), ct);
        return new AuditHistory($"{entityType}-history", entries, result.Problem, users);
    }

    /// <summary>A field's value as text: "—" for none.</summary>
    public static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => "—",
        JsonValueKind.String => value.GetString() is { Length: > 0 } text ? text : "—",
        _ => value.GetRawText(),
    };

    /// <summary>A creation lists every field it set; only later changes are worth showing field by field.</summary>
    public static bool ShowsChanges(AuditEntryDto entry) => entry.Action != AuditActions.Create && entry.Changes.Count > 0;
}
