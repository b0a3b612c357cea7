namespace Inventory.Web.Pages.Items;

/// <summary>What the <c>_MovementForm</c> partial shows: one stock form of an item, its input, and the locations to choose from.</summary>
public sealed record MovementForm(MovementKind Kind, MovementInput Input, Guid ItemId, IReadOnlyList<CatalogLocation> Locations,
    IReadOnlyList<LocationStock> Stock)
{
    /// <summary>The form's page handler, which is also its field prefix (the page property it binds to): Issue.Quantity …</summary>
    public string Handler => Kind switch
    {
        MovementKind.Receipt => "Receive",
        MovementKind.Issue => "Issue",
        MovementKind.Adjustment => "Adjust",
        _ => "Transfer",
    };

    public string Field(string name) => $"{Handler}.{name}";

    /// <summary>A location as the choice shows it, with what it holds of the item.</summary>
    public string Label(CatalogLocation location) =>
        Stock.FirstOrDefault(s => s.LocationId == location.Id) is { } level ? $"{location.Path} ({Format.Quantity(level.OnHand)} on hand)" : location.Path;
}
