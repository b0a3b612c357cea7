namespace Inventory.Web.Pages.Shared;

/// <summary>
/// The "Reason / reference" cell of a movement row. A count's movement names its count and place ("Count · A1", a link
/// to the count) instead of the stored <c>count {id}</c>; a receipt's reference is already its PO number; the rest is shown as typed.
/// Everything needed is on the row itself, so a list of movements costs no call per row.
/// </summary>
public sealed record MovementNote(string? ReasonCode, string? Reference, string? Note, Guid? CountSessionId, string LocationName)
{
    /// <summary>The cell's parts in order; a part with a count id is shown as a link to that count.</summary>
    public IEnumerable<(string Text, Guid? CountId)> Parts
    {
        get
        {
            var counted = CountSessionId is not null;
            // A count's own reason ("count") would only repeat the part that names the count.
            if (!(counted && ReasonCode == "count") && Words.Reason(ReasonCode) is { Length: > 0 } reason)
                yield return (reason, null);
            if (counted)
                yield return ($"Count · {LocationName}", CountSessionId);
            else if (!string.IsNullOrEmpty(Reference))
                yield return (Reference, null);
            if (!string.IsNullOrEmpty(Note))
                yield return (Note, null);
        }
    }
}
