namespace Inventory.CatalogService.Items;

/// <summary>
/// The errors of a refused import, every one of each row (keys "row N: field", several messages a key), shown in row
/// order up to <see cref="Shown"/> messages and then "and N more": enough to fix a file, never a 50 000-line answer.
/// </summary>
public static class ImportErrors
{
    public const int Shown = 200;

    /// <summary>The key of the "and N more" line; it sorts after every row.</summary>
    public const string MoreKey = "more";

    public static void Add(Dictionary<string, string[]> errors, string key, string message) =>
        errors[key] = errors.TryGetValue(key, out var messages) ? [.. messages, message] : [message];

    /// <summary>Whether the file as a whole was refused (no header, not CSV, too long): then its rows are not checked further.</summary>
    public static bool ForTheFile(Dictionary<string, string[]> errors) => errors.ContainsKey("header") || errors.ContainsKey("body");

    public static Dictionary<string, string[]> Capped(Dictionary<string, string[]> errors)
    {
        var ordered = errors.OrderBy(e => RowOf(e.Key)).ThenBy(e => e.Key, StringComparer.Ordinal).ToList();
        var capped = new Dictionary<string, string[]>();
        var shown = 0;
        foreach (var (key, messages) in ordered)
        {
            if (shown + messages.Length > Shown)
                break;
            capped[key] = messages;
            shown += messages.Length;
        }
        var more = errors.Values.Sum(m => m.Length) - shown;
        if (more > 0)
            capped[MoreKey] = [$"and {more} more error{(more == 1 ? "" : "s")}."];
        return capped;
    }

    /// <summary>The row of a key ("row 12: unitCost" → 12); the file's own keys come first.</summary>
    private static int RowOf(string key) =>
        key.StartsWith("row ", StringComparison.Ordinal) && int.TryParse(key[4..].Split(':')[0], out var row) ? row : 0;
}
