namespace Inventory.Web.Pages.Floor;

/// <summary>
/// A flow's location carried in its form as an id (Move's source and destination, Pick's and Count's location):
/// read again on each post, or — gone or unreadable — dropped with the words that send the user back to its step.
/// </summary>
public static class FloorLocation
{
    /// <summary>The location, the one already read when it is <paramref name="known"/>, or null and why not.</summary>
    public static async Task<(CatalogLocation? Location, string? Error)> LoadAsync(CatalogClient catalog, Guid? id, CatalogLocation? known,
        CancellationToken ct)
    {
        if (id is null)
            return (null, null);
        if (known?.Id == id)
            return (known, null);
        var location = await catalog.GetLocationAsync(id.Value, ct);
        return location.Succeeded ? (location.Value, null)
            : (null, location.Problem.IsNotFound ? "That location is gone: scan another." : location.Problem.Title);
    }
}
