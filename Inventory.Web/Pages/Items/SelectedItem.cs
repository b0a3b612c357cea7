namespace Inventory.Web.Pages.Items;

/// <summary>
/// A row ticked on the item list: its id and the version the list showed (a bulk archive applies to that version
/// only), and its SKU to name it in the report. A checkbox's value is <c>id:version:sku</c>.
/// </summary>
public sealed record SelectedItem(Guid Id, int Version, string Sku)
{
    public static string Value(ItemSummary item) => $"{item.Id}:{item.Version}:{item.Sku}";

    /// <summary>The ticked rows; a value not made by <see cref="Value"/> (a hand-made request) is left out.</summary>
    public static IReadOnlyList<SelectedItem> Parse(IEnumerable<string>? values) =>
        (values ?? []).Select(v => v.Split(':', 3)).Where(p => p.Length == 3 && Guid.TryParse(p[0], out _) && int.TryParse(p[1], out _))
            .Select(p => new SelectedItem(Guid.Parse(p[0]), int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture), p[2]))
            .DistinctBy(s => s.Id).Take(ItemListModel.PageSize).ToList();
}
