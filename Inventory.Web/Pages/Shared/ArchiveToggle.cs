namespace Inventory.Web.Pages.Shared;

/// <summary>What the <c>_ArchiveToggle</c> partial shows: a list row's archive (or, when archived, unarchive) button, keeping the list's filters.</summary>
public sealed record ArchiveToggle(Guid Id, bool IsArchived, string Question, IReadOnlyDictionary<string, string?> Filters, string IdempotencyKey)
{
    public Dictionary<string, string> RouteValues => Filters.Append(new("id", Id.ToString()))
        .Where(v => !string.IsNullOrEmpty(v.Value)).ToDictionary(v => v.Key, v => v.Value!);
}
