using Microsoft.AspNetCore.Mvc.Rendering;

namespace Inventory.Web.Pages.Items;

/// <summary>What the <c>_MovementForm</c> partial shows: one stock form of an item, its input, and the locations to choose from.</summary>
public sealed record MovementForm(MovementKind Kind, MovementInput Input, Guid ItemId, IReadOnlyList<CatalogLocation> Locations,
    IReadOnlyList<LocationStock> Stock, string Unit)
{
    /// <summary>The form's page handler, which is also its field prefix (the page property it binds to): Issue.Quantity …</summary>
    public string Handler => Kind switch
    {
        MovementKind.Receipt => "Receive",
        MovementKind.Issue => "Issue",
        MovementKind.Adjustment => "Adjust",
        _ => "Transfer",
    };

    /// <summary>The form's heading, the word a stock keeper uses for it.</summary>
    public string Title => Handler;

    public string Field(string name) => $"{Handler}.{name}";

    /// <summary>
    /// The choices of a location field: first the locations holding the item (most first, with the quantity there,
    /// "A1 · Bin A1 — 33 each") — the ones an issue or a transfer can take from — then any other chosen one (a refused
    /// form's). The picker finds every other location as the user types.
    /// </summary>
    public IEnumerable<SelectListItem> Choices(Guid? selected)
    {
        var holding = Stock.Where(s => s.OnHand != 0).OrderByDescending(s => s.OnHand).ThenBy(s => s.LocationPath).ToList();
        var held = holding.Select(s => s.LocationId).ToHashSet();
        var offered = holding.Select(s => new SelectListItem(HoldingLabel(s), s.LocationId.ToString(), s.LocationId == selected))
            .Concat(Locations.Where(l => !held.Contains(l.Id)).Select(l => new SelectListItem(l.Path, l.Id.ToString(), l.Id == selected)))
            .ToList();
        return offered;
    }

    private string HoldingLabel(LocationStock level)
    {
        var place = level.LocationName is { } name ? $"{level.LocationCode} · {name}" : level.LocationPath;
        return $"{place} — {Format.Quantity(level.OnHand)} {Unit}";
    }
}
