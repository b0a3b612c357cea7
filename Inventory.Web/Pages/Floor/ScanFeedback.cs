namespace Inventory.Web.Pages.Floor;

/// <summary>
/// What the last scan did, said in colour, words and an icon (<c>_ScanFeedback</c>) and felt as a vibration
/// (floor.js: short for success, long for an error). <see cref="None"/>: nothing scanned yet.
/// </summary>
public sealed record ScanFeedback(bool Ok, string Text)
{
    public static readonly ScanFeedback None = new(true, "");

    public bool IsNone => Text.Length == 0;

    public static ScanFeedback Success(string text) => new(true, text);

    public static ScanFeedback Error(string text) => new(false, text);
}
