using Inventory.ServiceDefaults;
using Inventory.ServiceDefaults.Security;

namespace Inventory.Web.Pages.Shared;

/// <summary>
/// The "Reason / reference" cell of a movement row. A count's movement names its count and place ("Count · A1", a link
/// to the count) instead of the stored <c>count {id}</c>; a receipt booked from a purchase order has the order's number
/// as its reference, linked through the scan page (which opens the one order with that number); the rest is shown as
/// typed. Everything needed is on the row itself, so a list of movements costs no call per row.
/// </summary>
public sealed record MovementNote(string? ReasonCode, string? Reference, string? Note, Guid? CountSessionId, string LocationName, string? Channel = null)
{
    /// <summary>The cell's parts in order, each with the link it leads to, if any.</summary>
    private bool FromPurchaseOrder => Channel == TokenClaims.ServiceSubjectPrefix + ResourceNames.Procurement;

    public IEnumerable<(string Text, string? Href)> Parts
    {
        get
        {
            var counted = CountSessionId is not null;
            // A count's own reason ("count") would only repeat the part that names the count.
            if (!(counted && ReasonCode == "count") && Words.Reason(ReasonCode) is { Length: > 0 } reason)
                yield return (reason, null);
            if (counted)
                yield return ($"Count · {LocationName}", $"/counts/{CountSessionId}");
            else if (!string.IsNullOrEmpty(Reference))
                yield return (Reference, FromPurchaseOrder ? $"/scan?code={Uri.EscapeDataString(Reference)}" : null);
            if (!string.IsNullOrEmpty(Note))
                yield return (Note, null);
        }
    }
}
