using Inventory.Web.Labels;

namespace Inventory.Web.Pages.Labels;

/// <summary>Location labels: code and path; the barcode encodes the location's barcode. <c>under=</c> adds a location's bins.</summary>
public sealed class LocationLabelsModel(CatalogClient catalog) : LabelsPage
{
    [BindProperty(SupportsGet = true)] public Guid? Under { get; set; }

    public override string Heading => "Location labels";

    protected override async Task<IReadOnlyList<Label>> LoadAsync(IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        var locations = Succeeded(await Task.WhenAll(ids.Select(id => catalog.GetLocationAsync(id, ct))), "location(s)");
        return locations.Select(l => new Label(l.Code, l.Path, l.Name, l.Barcode)).ToList();
    }

    /// <summary>The active bins directly inside <see cref="Under"/> (found by its path, the catalog's tree search).</summary>
    protected override async Task<IReadOnlyList<Guid>> MoreIdsAsync(CancellationToken ct)
    {
        if (Under is not { } parentId)
            return [];
        var parent = await catalog.GetLocationAsync(parentId, ct);
        if (!parent.Succeeded)
        {
            Refuse("under", parent.Problem.IsNotFound ? "No such location." : parent.Problem.Title);
            return [];
        }
        var tree = await catalog.FindLocationsAsync(parent.Value.Path, false, null, Paging.MaxPageSize, ct);
        if (!tree.Succeeded)
            Notices.Add(tree.Problem.Title);
        var bins = tree.Value?.Items.Where(l => l.ParentId == parentId).Select(l => l.Id).ToList() ?? [];
        if (bins.Count == 0 && Ids.Length == 0)
            Refuse("under", $"{parent.Value.Code} has no bins to label.");
        return bins;
    }
}
