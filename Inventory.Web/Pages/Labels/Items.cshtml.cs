using Inventory.Web.Labels;

namespace Inventory.Web.Pages.Labels;

/// <summary>Item labels: SKU, name and unit; the barcode encodes the item's barcode, else its SKU (what a scan looks up).</summary>
public sealed class ItemLabelsModel(CatalogClient catalog) : LabelsPage
{
    public override string Heading => "Item labels";

    protected override async Task<IReadOnlyList<Label>> LoadAsync(IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        var items = Succeeded(await Task.WhenAll(ids.Select(id => catalog.GetItemAsync(id, ct))), "item(s)");
        return items.Select(i => new Label(i.Sku, i.Name, i.Barcode is null ? null : $"Barcode {i.Barcode}", i.Barcode ?? i.Sku))
            .ToList();
    }
}
