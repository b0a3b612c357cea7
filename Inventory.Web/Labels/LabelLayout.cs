namespace Inventory.Web.Labels;

/// <summary>
/// How labels are laid out on paper: an A4 sheet of 3 × 8 labels of 70 × 37 mm (Avery L7160 style sheets, 3474,
/// Herma 4453 …) or one label per page of a label printer's 62 × 29 mm roll (Brother DK-11209 style). Each has its
/// print stylesheet (css/labels-*.css: page size and margins).
/// </summary>
public sealed record LabelLayout(string Key, string Name, int PerPage, string Stylesheet)
{
    public static readonly LabelLayout Sheet = new("sheet", "A4 sheet, 3 × 8 labels of 70 × 37 mm", 24, "~/css/labels-sheet.css");
    public static readonly LabelLayout Roll = new("roll", "Label printer roll, 62 × 29 mm", 1, "~/css/labels-roll.css");
    public static readonly IReadOnlyList<LabelLayout> All = [Sheet, Roll];

    /// <summary>The layout named by <paramref name="key"/> (none: the sheet), or null when it names none.</summary>
    public static LabelLayout? Find(string? key) =>
        string.IsNullOrWhiteSpace(key) ? Sheet : All.FirstOrDefault(l => string.Equals(l.Key, key.Trim(), StringComparison.OrdinalIgnoreCase));
}

/// <summary>One label: its big line (SKU, location code), the line under it (name, path) and the code its barcode encodes.</summary>
public sealed record Label(string Title, string Subtitle, string? Detail, string Code);
